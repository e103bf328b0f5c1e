import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { CriterionHistoryView } from "@/lib/roadmap/history-view";

test.describe("a target's history", () => {
  test("a target row leads to its verdict over time, with the target, the V3 line and the day it first passed", async ({
    page,
  }) => {
    await page.goto("/stages/2");
    await page.getByTestId("criterion-sync_group").getByRole("link", { name: "Sync a group" }).click();
    await expect(page).toHaveURL(/\/targets\/sync_group$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sync a group");
    const figure = page.getByTestId("criterion-history");
    const chart = figure.locator(".recharts-wrapper > svg");
    await expect(chart).toContainText("target < 100 ms");
    await expect(chart).toContainText("V3 ~100 ms");
    await expect(chart).toContainText("UTC day");
    // The demo judged the last 30 days day by day: sync_group passed once its 7-day window held 100 samples.
    await expect(chart).toContainText(/first passed \d\d-\d\d/);
    await expect(figure.locator("figcaption")).toContainText(/First passed \d{4}-\d\d-\d\d; passing since/);
    await expect(figure.locator("figcaption")).toContainText("Met");
    await expect(page.getByRole("link", { name: "The data behind the latest verdict" })).toHaveAttribute(
      "href",
      /^\/api\/v1\/criteria\/sync_group\/evidence\?from=/,
    );
  });

  test("its CSV holds exactly its JSON; a range change updates the address and the chart", async ({
    page,
    request,
  }) => {
    await page.goto("/targets/node_reliability");
    const figure = page.getByTestId("criterion-history");
    await expect(figure.getByText(/^Per day \(\d+\)$/)).toHaveText(/\((30|31)\)/);
    const href = (await figure.getByRole("link", { name: "Download CSV" }).getAttribute("href")) as string;
    const [header, ...lines] = (await (await request.get(href)).text()).trimEnd().split("\r\n");
    expect(header).toBe("bucketStart,evaluatedAt,status,measured,samples,target,unit");
    const view = (await (
      await request.get(href.replace("&format=csv", "").replace("?format=csv", ""))
    ).json()) as CriterionHistoryView;
    expect(lines).toEqual(
      view.points.map((point) =>
        [point.start, point.evaluatedAt, point.status, point.measured, point.samples, view.target, view.unit]
          .map((value) => (value === null ? "" : String(value)))
          .join(","),
      ),
    );
    await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7d" }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(figure.getByText(/^Per day \(\d+\)$/)).toHaveText(/\((7|8)\)/);
    expect((await page.goto("/targets/no_such_target"))?.status()).toBe(404);
    await page.goto("/targets/sync_group?range=1y");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("range:");
  });

  test("passes axe accessibility checks in light and dark, at 360 px too", async ({ page }) => {
    test.setTimeout(120_000);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/targets/sync_group");
        await expect(page.locator(".recharts-wrapper")).toHaveCount(1);
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
