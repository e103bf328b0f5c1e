import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// The demo's partners (simulation/demo-partners.ts): Beacon Chat ready but for the network, Relay
// Wallet in debt with an old SDK and a failing run, Nightjar unlisted.
test.describe("partners", () => {
  test("lists the listed partners' checks under the network's readiness, sortable, axe-clean", async ({
    page,
  }) => {
    await page.goto("/partners");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partners");
    await expect(page.getByTestId("network-readiness-local")).toContainText(/targets met/);
    await expect(page.getByTestId("migration-window")).toContainText("Not started");
    const table = page.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(3); // the header and two listed partners
    await expect(page.getByTestId("partner-beacon-chat").getByTestId("score")).toHaveText("3/4");
    await expect(page.getByTestId("partner-relay-wallet").getByTestId("score")).toHaveText("0/4");
    await expect(table).not.toContainText("Nightjar");
    await expect(page.getByTestId("partner-relay-wallet")).toContainText("fails");

    await page.getByRole("link", { name: "Ready" }).click();
    await expect(page).toHaveURL(/sort=ready/);
    await expect(page.getByRole("columnheader", { name: /Ready/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    const scores = await page.getByTestId("score").allTextContents();
    expect(scores.map((score) => Number(score.split("/")[0]))).toEqual(
      [...scores.map((score) => Number(score.split("/")[0]))].sort((a, b) => b - a),
    );
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });

  test("a partner's page gives each check with its evidence and what is missing", async ({ page }) => {
    await page.goto("/partners/relay-wallet");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relay Wallet");
    await expect(page.getByTestId("partner-score")).toHaveText("0 of 4 checks pass");
    const gateway = page.getByTestId("check-gateway_funded");
    await expect(gateway).toContainText("−4.00 USDC");
    await expect(gateway).toContainText("usage settled");
    await expect(page.getByTestId("check-sdk_ready")).toContainText(
      "move xmtp-ios from 3.9.0 to 4.0.0 or later",
    );
    await expect(page.getByTestId("check-integration_passing")).toContainText("failed 2 tests");
    await expect(page.getByTestId("check-network_ready").getByRole("link").first()).toHaveAttribute(
      "href",
      /^\/targets\//,
    );
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations).toEqual([]);
  });

  test("the badge parses as SVG and shows the same count as the API", async ({ request }) => {
    const api = await (await request.get("/api/v1/partners/beacon-chat")).json();
    const badge = await request.get("/partners/beacon-chat/badge.svg");
    expect(badge.status()).toBe(200);
    expect(badge.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(badge.headers()["cache-control"]).toContain("max-age=300");
    const svg = await badge.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    const label = new XMLParser({ ignoreAttributes: false }).parse(svg).svg["@_aria-label"];
    expect(label).toBe(`XMTP mainnet ready: ${api.score.passed}/${api.score.total}`);
  });

  test("an unlisted partner is absent without its link's key, and there with it", async ({
    page,
    request,
  }) => {
    expect((await page.goto("/partners/nightjar"))?.status()).toBe(404);
    expect((await request.get("/api/v1/partners/nightjar")).status()).toBe(404);
    expect((await request.get("/partners/nightjar/badge.svg")).status()).toBe(404);
    const list = await (await request.get("/api/v1/partners")).json();
    expect(list.partners.map((partner: { slug: string }) => partner.slug)).not.toContain("nightjar");

    // The team's console holds its link.
    await page.goto("/admin");
    await page.getByRole("button", { name: "Sign in as the demo team member" }).click();
    const editor = page.getByTestId("edit-partner-nightjar");
    await editor.locator("summary").click();
    const link = await editor.getByRole("link", { name: /\/partners\/nightjar\?key=/ }).getAttribute("href");
    expect(link).toMatch(/^\/partners\/nightjar\?key=[\w-]{32}$/);
    await page.goto(link as string);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nightjar");
    await expect(page.getByTestId("check-integration_passing")).toContainText("post 5 more runs");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    const key = new URL(link as string, "http://x").searchParams.get("key");
    expect((await request.get(`/partners/nightjar/badge.svg?key=${key}`)).status()).toBe(200);
  });
});
