import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "./demo-network";

test.describe("nodes from the on-chain registry", () => {
  test("lists every registry node with its membership and checks", async ({ page }) => {
    await page.goto("/nodes");
    await expect(page.locator("tbody tr")).toHaveCount(DEMO.registered);
    await expect(page.getByTestId("canonical-count")).toContainText(
      `${DEMO.canonical} canonical of at most ${DEMO.maxCanonical} · ${DEMO.registered} registered`,
    );
    await expect(page.getByTestId("node-100")).toContainText("Canonical");
    await expect(page.getByTestId("node-100")).toContainText("No problems found");
    await expect(page.getByTestId("node-100")).toContainText("Ephemera Labs"); // from its metadata
    await expect(page.getByTestId(`node-${DEMO.extra.nodeId}`)).toContainText("Not canonical");
    await expect(page.getByTestId(`node-${DEMO.broken.nodeId}`)).toContainText("metadata is not valid JSON");
    await expect(page.getByTestId("registry-freshness")).toContainText(/Registry read at block \d+/);
  });

  test("a node page shows its registry identity and history with block and transaction", async ({ page }) => {
    await page.goto(`/nodes/${DEMO.moved.nodeId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Node ${DEMO.moved.nodeId}`);
    const history = page.getByTestId("node-history");
    await expect(history.getByRole("listitem")).toHaveCount(4);
    await expect(history).toContainText("Registered by");
    await expect(history).toContainText("Added to the canonical network");
    await expect(history).toContainText("Address changed to http://127.0.0.1:");
    await expect(history).toContainText(/block \d+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC · tx 0x[0-9a-f]{8}…/);
    await page.goto(`/nodes/${DEMO.broken.nodeId}`);
    await expect(history).toContainText("Removed from the canonical network");
  });

  test("an unknown node, or a network this dashboard does not collect, is not found", async ({ page }) => {
    expect((await page.goto("/nodes/12345"))?.status()).toBe(404);
    expect((await page.goto("/nodes?network=mainnet"))?.status()).toBe(404);
    expect((await page.goto("/nodes/100?network=testnet"))?.status()).toBe(404);
  });

  test("the nodes pages pass axe accessibility checks in light and dark", async ({ page }) => {
    test.setTimeout(60_000); // axe takes a few seconds a page on this 2-core machine, with the server busy
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ["/nodes", "/nodes/100"]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
        ).toEqual([]);
      }
    }
  });
});
