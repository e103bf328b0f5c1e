import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "./demo-network";

const { steady, broken } = DEMO;
const nodePage = (nodeId: number) => `/nodes/${nodeId}`;
const today = () => new Date().toISOString().slice(0, 10);

test.describe("node health from our own probes", () => {
  test("a healthy node is up, shows the version it reports and the regions that probed it", async ({
    page,
  }) => {
    await page.goto(nodePage(steady.nodeId));
    const now = page.getByRole("region", { name: "Now", exact: true });
    await expect(now).toContainText("Up");
    await expect(now).toContainText(steady.version);
    await expect(now).toContainText(/Last probe(just now|\d+ min ago)/);
    // The live prober's region, and the two whose probes the demo backfilled for this hour.
    await expect(now).toContainText("Probed from3 regions");
  });

  test("a node answering HTTP 503 is down, with no version and no cursor", async ({ page }) => {
    await page.goto(nodePage(broken.nodeId));
    const now = page.getByRole("region", { name: "Now", exact: true });
    await expect(now).toContainText("Down");
    await expect(now).toContainText("Versionnot reported");
    await expect(now).toContainText("HTTP 503 (http status)");
    await expect(page.getByTestId("replication")).toContainText("No sync cursor from this node yet");
  });

  test("the nodes list shows each node's state now and its 30-day availability with coverage", async ({
    page,
  }) => {
    await page.goto("/nodes");
    const row = (nodeId: number) => page.getByTestId(`node-${nodeId}`);
    await expect(row(steady.nodeId).getByTestId("node-now")).toContainText("Up");
    await expect(row(steady.nodeId).getByTestId("node-now")).toContainText(steady.version);
    await expect(row(steady.nodeId)).toContainText(/100\.00% · coverage (99|100)%/);
    await expect(row(broken.nodeId).getByTestId("node-now")).toContainText("Down");
    // Down for 20 of the 30 days: a third of them up.
    await expect(row(broken.nodeId)).toContainText(/3[34]\.\d\d% · coverage (99|100)%/);
    // Out of the canonical set but still registered, so probed like the others.
    await expect(row(DEMO.extra.nodeId).getByTestId("node-now")).toContainText("Up");
  });

  test("the overview counts canonical nodes up and names the network's status", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("nodes-up")).toContainText(`of ${DEMO.canonical}`);
    // The flaky node drops out for a probe now and then: 4 or 5 of the 5 canonical nodes answer.
    await expect(page.getByTestId("network-health")).toContainText(
      new RegExp(`[45] of ${DEMO.canonical} canonical nodes up;`),
    );
    await expect(page.getByRole("region", { name: "Demo network (simulated) now" })).toContainText(
      /Operational|Degraded/,
    );
  });

  test("day bars name every UTC day, blank before registration, today so far", async ({ page }) => {
    await page.goto(nodePage(steady.nodeId));
    const bars = page.getByRole("list", { name: /Uptime by UTC day/ }).getByRole("listitem");
    await expect(bars).toHaveCount(90);
    await expect(bars.last()).toHaveAccessibleName(`${today()} UTC: 100.00% up, 0 min down, 0 incidents`);
    const last24h = page.getByTestId("availability-table").getByRole("row", { name: /24 hours/ });
    await expect(last24h).toContainText("100.00%");
    // A focused day shows its figures on screen too, not only to screen readers.
    await bars.last().focus();
    await expect(
      page.getByText(`${today()} UTC: 100.00% up, 0 min down, 0 incidents (today, so far)`),
    ).toBeVisible();

    // Registered 60 days ago: the 30 days before are blank, not "no data".
    await page.goto(nodePage(broken.nodeId));
    await expect(bars.first()).toHaveAccessibleName(/^\d{4}-\d\d-\d\d UTC: not registered yet$/);
    expect(
      await bars.evaluateAll((days) => days.filter((day) => day.dataset.tone === "not_registered").length),
    ).toBeGreaterThanOrEqual(90 - DEMO.broken.registeredDaysAgo - 1);
  });

  test("the failing node's days and windows count its minutes as down", async ({ page }) => {
    await page.goto(nodePage(broken.nodeId));
    await expect(page.getByTestId("availability-table").getByRole("row", { name: /24 hours/ })).toContainText(
      "0.00%",
    );
    const bars = page.getByRole("list", { name: /Uptime by UTC day/ }).getByRole("listitem");
    await expect(bars.last()).toHaveAttribute("data-tone", "down");
    await expect(bars.last()).toHaveAccessibleName(/UTC: 0\.00% up, \d+ min down/);
  });

  test("probe latency by region has figures from every region", async ({ page }) => {
    await page.goto(nodePage(steady.nodeId));
    const latency = page.getByRole("region", { name: "Latency by probing region" });
    for (const region of ["eu-west", "us-east", "ap-southeast"])
      await expect(
        latency
          .getByRole("row", { name: new RegExp(region) })
          .getByRole("cell")
          .last(),
      ).toHaveText(
        /^\d+(\.\d+)?$/, // its p99, in ms
      );
    await expect(latency.getByRole("table")).not.toContainText("insufficient data");
  });

  test("the health cards pass axe accessibility checks in light and dark", async ({ page }) => {
    test.setTimeout(90_000);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of [nodePage(steady.nodeId), nodePage(broken.nodeId), "/"]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
        ).toEqual([]);
      }
    }
  });

  test("an unknown latency window is not found", async ({ page }) => {
    expect((await page.goto(`${nodePage(steady.nodeId)}?window=5y`))?.status()).toBe(404);
    await page.goto(`${nodePage(steady.nodeId)}?window=30d`);
    await expect(
      page.getByRole("navigation", { name: "Latency window" }).getByRole("link", { name: "30d" }),
    ).toHaveAttribute("aria-current", "page");
  });
});
