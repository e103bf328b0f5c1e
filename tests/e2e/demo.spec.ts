import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../simulation/free-port";

// The suite's own server is `npm run demo` (playwright.config.ts): what a newcomer sees is checked
// here. Its start from a dirty directory and its Ctrl-C are in demo-lifecycle.spec.ts.
const dataDir = process.env.E2E_DEMO_DIR ?? "";

test("every page says the data is simulated, and only the simulated network is offered", async ({ page }) => {
  await page.goto("/nodes");
  await expect(page.getByRole("complementary", { name: "Simulated data" })).toContainText(
    "Demo: simulated data.",
  );
  await expect(page.getByRole("navigation", { name: "Network" }).getByRole("link")).toHaveText([
    "Demo network (simulated)",
  ]);
  await page.goto("/");
  await expect(page.getByRole("complementary", { name: "Simulated data" })).toContainText(
    "not from XMTP's testnet or mainnet",
  );
});

test("the pushed QA history is judged on the demo network: a realistic mix of verdicts", async ({ page }) => {
  await page.goto("/");
  const targets = page.getByRole("table", { name: "Every roadmap target, its V3 baseline and status" });
  const status = async (key: string) =>
    ((await targets.getByTestId(`criterion-${key}`).textContent()) ?? "").trim();
  expect(await status("sync_group")).toMatch(/Met$/);
  expect(await status("register_identity")).toMatch(/Not met$/);
  expect(await status("onchain_burst")).toMatch(/Not met$/);
  expect(await status("fork_rate")).toMatch(/Met$/);
  expect(await status("node_reliability")).toMatch(/Not met$/); // the flaky node, over 90 days of probes
  expect(await status("rename_group_10")).toMatch(/Insufficient data\d+ of 100 samples in the last 7 days$/); // benchmarked for two days only
});

test("90 days of probe history: the flaky node's outage and incident, the announced maintenance", async ({
  page,
}) => {
  await page.goto("/nodes/300");
  const bars = page.getByTestId("day-bars").locator("li");
  await expect(bars).toHaveCount(90);
  expect(await bars.evaluateAll((days) => days.filter((day) => day.dataset.tone === "no_data").length)).toBe(
    0,
  );
  const outageDay = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
  await expect(bars.filter({ hasText: outageDay })).toHaveAttribute("data-tone", "down");
  await expect(page.getByTestId("day-bars-summary")).toContainText(/Days down: .*\(\d+ min, 1 incident\)/);
  // Its many short outages are one line, opened on demand, each day with its minutes.
  const fewDown = page.getByTestId("day-bars-few-down");
  await expect(fewDown.locator("summary")).toHaveText(/^\d+ days with a few down minutes$/);
  await fewDown.locator("summary").click();
  await expect(fewDown).toContainText(/\d{4}-\d\d-\d\d \(\d min\)/);
  await page.goto("/nodes/200");
  await expect(page.locator('[data-testid="day-bars"] li[data-maintenance]')).toHaveCount(1);
  await expect(page.getByTestId("day-bars-summary")).toContainText(
    "Announced maintenance (not counted against the node): ",
  );
  await expect(page.getByTestId("day-bars-summary")).toContainText("(2 h)");
});

test("the CLIs work beside it, and a second demo on its directory is refused", async ({ page }) => {
  test.setTimeout(90_000);
  // The dashboard holding the embedded database runs their commands.
  const cli = (...args: string[]) => {
    const run = spawnSync("node_modules/.bin/tsx", args, {
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "", POSTGRES_URL: "" },
      encoding: "utf8",
    });
    return { status: run.status, last: JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "null") };
  };
  const created = cli("scripts/token-create.ts", "--name", "newcomer", "--scopes", "benchmarks");
  expect(created.status).toBe(0);
  expect(created.last.token).toMatch(/^xdm_/);
  const evaluated = cli("scripts/evaluate.ts", "--quiet");
  expect(evaluated.status).toBe(0);
  expect(evaluated.last).toMatchObject({ criteria: 15, errors: 0 });

  const second = spawnSync("node_modules/.bin/tsx", ["scripts/demo.ts", "--data-dir", dataDir], {
    env: { ...process.env, PORT: String(await freePort()), DATABASE_URL: "", POSTGRES_URL: "" },
    encoding: "utf8",
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toContain("is already open in another process");
  expect(second.stdout).not.toContain("Starting the simulated network");
  expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
  expect((await page.goto("/nodes"))?.status()).toBe(200);
  await expect(page.locator("tbody tr")).toHaveCount(7);
});
