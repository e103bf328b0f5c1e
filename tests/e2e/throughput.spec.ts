import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { ThroughputPoint } from "@/lib/throughput/view";

// The demo's load tests: off-chain bursts climbing past 1,000 msg/s, on-chain bursts short of 50,
// a sustained day on 3 nodes over 10M and one on 2 nodes that does not count.
const TARGETS = [
  ["offchain_burst", "target ≥ 1,000 msg/s", "Met", 6],
  ["onchain_burst", "target ≥ 50 msg/s", "Not met", 4],
  ["sustained_daily", "target ≥ 10M msg/day", "Met", 2],
] as const;

test.describe("throughput", () => {
  test("draws every run against its labelled target, with the verdict and the run history", async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/throughput");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Throughput");
    await expect(page.getByRole("figure")).toHaveCount(3);
    for (const [key, target, verdict, runs] of TARGETS) {
      const figure = page.getByTestId(`throughput-${key}`);
      const chart = figure.locator(".recharts-wrapper > svg");
      await expect(chart).toContainText(target);
      await expect(chart).toContainText("run start, UTC day");
      await expect(figure.locator(".recharts-bar-rectangle")).toHaveCount(runs);
      await expect(figure.locator("figcaption")).toContainText(verdict);
      await expect(figure.locator("table tbody tr")).toHaveCount(runs);
    }
    const sustained = page.getByTestId("throughput-sustained_daily");
    await expect(sustained.locator("figcaption")).toContainText("on at least 3 nodes for at least 24 h");
    await expect(sustained.getByRole("row", { name: /demo-sustained-2-nodes/ })).toContainText(
      "no: ran on 2 nodes, needs 3",
    );
    expect(errors).toEqual([]);
  });

  test("each CSV download holds exactly its chart's runs", async ({ page, request }) => {
    await page.goto("/throughput");
    for (const [key] of TARGETS) {
      const href = await page
        .getByTestId(`throughput-${key}`)
        .getByRole("link", { name: "Download CSV" })
        .getAttribute("href");
      const csv = await (await request.get(href as string)).text();
      const view = await (await request.get((href as string).replace("&format=csv", ""))).json();
      const [, ...lines] = csv.trimEnd().split("\r\n");
      expect(
        lines.map((line) => line.split(",")[1]),
        key,
      ).toEqual(view.targets[0].runs.map((run: ThroughputPoint) => run.runId));
      expect(
        lines.map((line) => line.split(",")[7]),
        key,
      ).toEqual(
        view.targets[0].runs.map((run: ThroughputPoint) => (run.value === null ? "" : String(run.value))),
      );
    }
  });

  test("a shorter range shows fewer runs and keeps it in the address", async ({ page }) => {
    await page.goto("/throughput");
    await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "30d" }).click();
    await expect(page).toHaveURL(/[?&]range=30d/);
    await expect(page.getByTestId("throughput-offchain_burst").locator("table tbody tr")).toHaveCount(2);
    await page.goto("/throughput?range=24h");
    await expect(page.getByTestId("throughput-offchain_burst").getByRole("status")).toContainText(
      "No off-chain",
    );
    await page.goto("/throughput?from=2026-13-01&to=2026-12-01");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("from: must be a UTC day");
  });

  test("passes axe accessibility checks in light and dark, at 360 px too", async ({ page }) => {
    test.setTimeout(120_000); // four full axe runs
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/throughput");
        await expect(page.locator(".recharts-wrapper")).toHaveCount(3);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(
            (v) => `${colorScheme} ${width} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`,
          ),
        ).toEqual([]);
      }
    }
  });
});
