import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import type { Hex } from "viem";
import { DEMO_TEAM } from "../../server/demo/team";
import { E2E_WALLET } from "../support/e2e-wallet";

/**
 * A browser wallet (EIP-1193 `window.ethereum`) whose key stays in the test: the page asks for
 * accounts and `personal_sign`, and the signature comes from a viem local account.
 */
async function injectWallet(page: Page) {
  await page.exposeFunction("__e2eSign", (raw: Hex) => E2E_WALLET.signMessage({ message: { raw } }));
  await page.addInitScript((address) => {
    const sign = (window as unknown as { __e2eSign: (raw: string) => Promise<string> }).__e2eSign;
    (window as unknown as { ethereum: unknown }).ethereum = {
      request: async ({ method, params }: { method: string; params?: unknown[] }) => {
        if (method === "eth_requestAccounts" || method === "eth_accounts") return [address];
        if (method === "eth_chainId") return "0x7a69";
        if (method === "personal_sign") return sign(String(params?.[0]));
        throw new Error(`unsupported ${method}`);
      },
    };
  }, E2E_WALLET.address);
}

test.describe("team console", () => {
  test("signs in with a wallet, marks a milestone done with its evidence: public, on the changelog and its feed", async ({
    page,
    request,
  }) => {
    await injectWallet(page);
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(E2E_WALLET.address);

    const form = page.getByRole("form", { name: "V3 signals clients to switch" });
    await form.getByLabel("Status").selectOption("done");
    await form.getByLabel("Evidence URL").fill("https://github.com/xmtp/xmtpd/releases/tag/e2e");
    await form.getByLabel("Note").fill("Signalled in the e2e run.");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved: public now, and on the changelog.");

    await page.goto("/stages/4");
    const milestone = page.getByTestId("milestone-s4-v3-signal");
    await expect(milestone).toContainText("(done)");
    await expect(milestone).toContainText("Signalled in the e2e run.");
    await expect(milestone.getByRole("link", { name: "evidence" })).toHaveAttribute(
      "href",
      "https://github.com/xmtp/xmtpd/releases/tag/e2e",
    );

    await page.goto("/changelog");
    const change = page.getByTestId("change").filter({ hasText: "Milestone s4-v3-signal marked done" });
    await expect(change).toContainText(E2E_WALLET.address);
    await expect(change).toContainText("open → done");

    const feed = await request.get("/changelog.xml");
    expect(feed.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const parsed = parseFeed(await feed.text());
    expect(parsed.meta.type).toBe("atom");
    const item = parsed.items.find((entry) => entry.title === "Milestone s4-v3-signal marked done");
    expect(item?.authors.map((author) => author.name)).toContain(E2E_WALLET.address);
    expect(item?.description).toContain("status: open → done");

    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("button", { name: "Sign in with Ethereum" })).toBeVisible();
  });

  test("posts an incident and a maintenance window: the overview, /incidents and the changelog show them, inert", async ({
    page,
  }) => {
    await injectWallet(page);
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(E2E_WALLET.address);
    const title = `Sync stalled ${Date.now()}`;
    const started = new Date(Date.now() - 3_600_000).toISOString().slice(0, 16);
    const incident = page.getByRole("form", { name: "New incident" });
    await incident.getByLabel(/^Node ids/).fill("300, 500");
    await incident.getByLabel("Severity").selectOption("major");
    await incident.getByLabel("Started (UTC)").fill(started);
    await incident.getByLabel("Title").fill(title);
    await incident
      .getByLabel("What is happening (markdown)")
      .fill(
        "Looking into **node 300**. <script>window.__pwned = 1</script> [more](javascript:window.__pwned=2)",
      );
    await incident.getByRole("button", { name: "Post incident" }).click();
    await expect(incident.getByRole("status")).toHaveText(/^Posted/);

    const maintenance = page.getByRole("form", { name: "New maintenance window" });
    const tomorrow = new Date(Date.now() + 86_400_000);
    await maintenance.getByLabel("Node id").fill("300");
    await maintenance.getByLabel("Starts (UTC)").fill(tomorrow.toISOString().slice(0, 16));
    await maintenance
      .getByLabel("Ends (UTC)")
      .fill(new Date(tomorrow.getTime() + 3_600_000).toISOString().slice(0, 16));
    await maintenance.getByLabel("Title").fill(`Upgrade ${title}`);
    await maintenance.getByRole("button", { name: "Announce maintenance" }).click();
    await expect(maintenance.getByRole("status")).toHaveText(/^Announced/);

    await page.goto("/");
    const card = page.locator("#incidents").locator("xpath=ancestor::section[1]");
    const posted = card.getByTestId("incident").filter({ hasText: title });
    await expect(posted).toContainText("major");
    await expect(posted.locator("strong")).toHaveText("node 300");
    await expect(posted.locator("script")).toHaveCount(0);
    await expect(posted.getByRole("link", { name: "more" })).not.toHaveAttribute("href", /javascript:/);
    await expect(card.getByTestId("maintenance")).toContainText(
      `Planned maintenance: Upgrade ${title} (node 300)`,
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    for (const node of [300, 500]) {
      await page.goto(`/nodes/${node}`);
      await expect(page.getByTestId("incident").filter({ hasText: title })).toContainText(
        "Nodes 300 and 500",
      );
    }
    await page.goto("/incidents");
    await expect(page.getByTestId("incident").filter({ hasText: title })).toContainText(E2E_WALLET.address);
    await page.goto("/changelog");
    await expect(page.getByTestId("change").filter({ hasText: `Incident opened: ${title}` })).toContainText(
      E2E_WALLET.address,
    );
    await expect(
      page.getByTestId("change").filter({ hasText: `Maintenance announced: Upgrade ${title}` }),
    ).toBeVisible();
  });

  test("in the demo, a visitor signs in as the demo team member without a wallet", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not signed in" })).toContainText(
      "No browser wallet found",
    );
    await page.getByRole("button", { name: "Sign in as the demo team member" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(DEMO_TEAM.address);
    await expect(page.getByRole("form", { name: /^Stage 1: / })).toBeVisible();

    // An ingest token: shown once, listed, revoked.
    const name = `e2e-console-${Date.now()}`;
    const form = page.getByRole("form", { name: "New ingest token" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("tests").check();
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toContainText(/xdm_[\w-]{40,}/);
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  });

  test("changes a target's minimum samples as a new version of its rule, and maps a QA operation: public at once", async ({
    page,
  }) => {
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in as the demo team member" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(DEMO_TEAM.address);

    // The integration target's runs: 4 or 5 needed, whichever it is not now (a retry changes it again).
    const rule = page.getByRole("form", {
      name: "Rule of Integration tests passing over the last 5 runs of each SDK",
    });
    const samples = rule.getByLabel("Minimum samples");
    const next = (await samples.inputValue()) === "4" ? "5" : "4";
    await samples.fill(next);
    await rule.getByRole("button", { name: "Save rule" }).click();
    await expect(rule.getByRole("status")).toHaveText(/^Saved as version \d+: judged again now\.$/);
    const version = (await rule.getByRole("status").textContent())?.match(/version (\d+)/)?.[1];

    await page.goto("/targets/integration_pass");
    const now = page.getByTestId("rule-version").first();
    await expect(now).toContainText(`Version ${version} (now)`);
    await expect(now).toContainText(`at least ${next} samples`);
    await expect(now).toContainText(DEMO_TEAM.address);
    await expect(page.getByTestId("rule-version").last()).toContainText("Version 1: = 100% over 30 days");
    await expect(page.getByTestId("rule-version").last()).toContainText("As published.");
    await page.goto("/changelog");
    const change = page
      .getByTestId("change")
      .filter({ hasText: `Target integration_pass's rule changed (version ${version})` });
    await expect(change).toContainText(DEMO_TEAM.address);
    await expect(change).toContainText(`→ ${next}`);

    // A mapping no stored result matches: added, then removed, each on the changelog.
    const pattern = `e2eOnly${Date.now()}-*`;
    await page.goto("/admin");
    const added = page.getByRole("form", { name: "New mapping" });
    await added.getByLabel(/^QA operation/).fill(pattern);
    await added.getByLabel("Target").selectOption("rename_group_10");
    await added.getByRole("button", { name: "Add mapping" }).click();
    await expect(added.getByRole("status")).toHaveText(
      "Saved: 0 stored results mapped again, targets judged again.",
    );
    const mapping = page.getByRole("form", { name: `Mapping of ${pattern}` });
    await expect(mapping.getByLabel("Target")).toHaveValue("rename_group_10");
    await mapping.getByRole("button", { name: "Remove" }).click();
    await expect(mapping).toHaveCount(0);
    await page.goto("/changelog");
    await expect(
      page.getByTestId("change").filter({ hasText: `QA operation ${pattern} mapped to rename_group_10` }),
    ).toContainText(DEMO_TEAM.address);
    await expect(
      page.getByTestId("change").filter({ hasText: `QA operation ${pattern} no longer mapped` }),
    ).toBeVisible();
  });

  test("a change without a session, or from another origin, is refused", async ({ request }) => {
    const noSession = await request.post("/api/admin/milestones/s4-fees", {
      data: { status: "done" },
      headers: { origin: new URL(test.info().project.use.baseURL as string).origin },
    });
    expect(noSession.status()).toBe(401);
    const crossOrigin = await request.post("/api/admin/demo-session", {
      data: {},
      headers: { origin: "https://evil.example" },
    });
    expect(crossOrigin.status()).toBe(403);
  });

  test("the console, signed out and in, the changelog and the incidents pass axe checks in light and dark", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const serious = async (label: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? "")),
        label,
      ).toEqual([]);
    };
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in as the demo team member" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/admin");
      await serious(`signed-in console ${colorScheme}`);
    }
    await page.context().clearCookies();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ["/admin", "/changelog", "/incidents"]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? "")),
          `${path} ${colorScheme}`,
        ).toEqual([]);
      }
    }
  });
});
