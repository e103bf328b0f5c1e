import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { LOCAL_NETWORK } from "./local-network";

const { healthy, failing } = LOCAL_NETWORK;
const nodePage = (nodeId: number) => `/nodes/${nodeId}?network=local`;

/** Reloads until the node's state now shows: probes start once the registry is read. */
async function openWithState(page: Page, nodeId: number, state: string) {
  await expect(async () => {
    await page.goto(nodePage(nodeId));
    await expect(page.getByRole("region", { name: "Now", exact: true })).toContainText(state, {
      timeout: 1000,
    });
  }).toPass({ timeout: 60_000 });
}

test.describe("node health from our own probes", () => {
  // Probes start once the registry is read, and the rollup job runs once a minute.
  test.describe.configure({ timeout: 150_000 });

  test("a healthy node is up and shows the version it reports", async ({ page }) => {
    await openWithState(page, healthy.nodeId, "Up");
    const now = page.getByRole("region", { name: "Now", exact: true });
    await expect(now).toContainText(healthy.version);
    await expect(now).toContainText(/Last probe(just now|\d+ min ago)/);
    await expect(now).toContainText("Probed from1 region");
  });

  test("a node answering HTTP 503 is down, with no version and no cursor", async ({ page }) => {
    await openWithState(page, failing.nodeId, "Down");
    await expect(page.getByRole("region", { name: "Now", exact: true })).toContainText("Versionnot reported");
    await expect(page.getByRole("region", { name: "Now", exact: true })).toContainText(
      "HTTP 503 (http status)",
    );
    await expect(page.getByTestId("replication")).toContainText("No sync cursor from this node yet");
  });

  test("the nodes list shows each node's state now and its 30-day availability with coverage", async ({
    page,
  }) => {
    await expect(async () => {
      await page.goto("/nodes?network=local");
      await expect(page.getByTestId(`node-${healthy.nodeId}`).getByTestId("node-now")).toContainText("Up", {
        timeout: 1000,
      });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId(`node-${healthy.nodeId}`).getByTestId("node-now")).toContainText(
      healthy.version,
    );
    await expect(page.getByTestId(`node-${failing.nodeId}`).getByTestId("node-now")).toContainText("Down");
    // Node 300 left the canonical set but is still registered, so it is probed like the others.
    await expect(page.getByTestId("node-300").getByTestId("node-now")).not.toContainText("not probed");
  });

  test("the overview counts canonical nodes up and names the network's status", async ({ page }) => {
    await expect(async () => {
      await page.goto("/?network=local");
      await expect(page.getByTestId("nodes-up")).toContainText(`of ${LOCAL_NETWORK.canonical}`, {
        timeout: 1000,
      });
    }).toPass({ timeout: 60_000 });
    // The simulated healthy node is the only canonical node that answers; two of the others sit at
    // unreachable addresses and one answers 503: 1 of 4 is a major outage.
    await expect(async () => {
      await page.goto("/?network=local");
      await expect(page.getByTestId("network-health")).toContainText(
        `1 of ${LOCAL_NETWORK.canonical} canonical nodes up;`,
        { timeout: 1000 },
      );
    }).toPass({ timeout: 60_000 });
    await expect(page.getByRole("region", { name: "Local now" })).toContainText("Major outage");
  });

  test("a network nobody has probed says so instead of showing numbers", async ({ page }) => {
    await page.goto("/?network=mainnet");
    await expect(page.getByRole("region", { name: "Mainnet now" })).toContainText("No probe data yet");
    await expect(page.getByTestId("nodes-up")).toContainText("—");
  });

  test("day bars name every UTC day, and availability follows once the minutes are rolled up", async ({
    page,
  }) => {
    await openWithState(page, healthy.nodeId, "Up");
    const bars = page.getByRole("list", { name: /Uptime by UTC day/ }).getByRole("listitem");
    await expect(bars).toHaveCount(90);
    // Registered today: every earlier day is blank, not "no data".
    await expect(bars.first()).toHaveAccessibleName(/^\d{4}-\d\d-\d\d UTC: not registered yet$/);
    const today = new Date().toISOString().slice(0, 10);
    // The rollup job runs once a minute.
    await expect(async () => {
      await page.goto(nodePage(healthy.nodeId));
      await expect(bars.last()).toHaveAccessibleName(`${today} UTC: 100.00% up, 0 min down, 0 incidents`, {
        timeout: 1000,
      });
    }).toPass({ timeout: 120_000 });
    const last24h = page.getByTestId("availability-table").getByRole("row", { name: /24 hours/ });
    await expect(last24h).toContainText("100.00%");
    await expect(page.getByRole("region", { name: "Latency by probing region" })).toContainText(
      "insufficient data",
    );

    // A focused day shows its figures on screen too, not only to screen readers.
    await bars.last().focus();
    await expect(
      page.getByText(`${today} UTC: 100.00% up, 0 min down, 0 incidents (today, so far)`),
    ).toBeVisible();
  });

  test("the failing node's days and windows count its minutes as down", async ({ page }) => {
    await expect(async () => {
      await page.goto(nodePage(failing.nodeId));
      await expect(
        page.getByTestId("availability-table").getByRole("row", { name: /24 hours/ }),
      ).toContainText("0.00%", { timeout: 1000 });
    }).toPass({ timeout: 120_000 });
    const bars = page.getByRole("list", { name: /Uptime by UTC day/ }).getByRole("listitem");
    await expect(bars.last()).toHaveAttribute("data-tone", "down");
    await expect(bars.last()).toHaveAccessibleName(/UTC: 0\.00% up, \d+ min down/);
  });

  test("the health cards pass axe accessibility checks in light and dark", async ({ page }) => {
    await openWithState(page, healthy.nodeId, "Up");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of [nodePage(healthy.nodeId), nodePage(failing.nodeId), "/?network=local"]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
        ).toEqual([]);
      }
    }
  });

  test("an unknown latency window is not found", async ({ page }) => {
    expect((await page.goto(`${nodePage(healthy.nodeId)}&window=5y`))?.status()).toBe(404);
    await page.goto(`${nodePage(healthy.nodeId)}&window=30d`);
    await expect(
      page.getByRole("navigation", { name: "Latency window" }).getByRole("link", { name: "30d" }),
    ).toHaveAttribute("aria-current", "page");
  });
});
