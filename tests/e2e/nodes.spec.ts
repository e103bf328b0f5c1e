import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LOCAL_NETWORK } from "./local-network";

test.describe("nodes from the on-chain registry", () => {
  test("lists every registry node with its membership and checks", async ({ page }) => {
    await expect(async () => {
      await page.goto("/nodes?network=local");
      await expect(page.getByTestId("node-500")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("canonical-count")).toContainText(
      `${LOCAL_NETWORK.canonical} canonical of at most ${LOCAL_NETWORK.maxCanonical}`,
    );
    await expect(page.getByTestId("node-100")).toContainText("Canonical");
    await expect(page.getByTestId("node-100")).toContainText("No problems found");
    await expect(page.getByTestId("node-300")).toContainText("Not canonical");
    await expect(page.getByTestId("registry-freshness")).toContainText(/Registry read at block \d+/);
  });

  test("a node page shows its registry identity and history with block and transaction", async ({ page }) => {
    await expect(async () => {
      await page.goto("/nodes/300?network=local");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Node 300", { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const history = page.getByTestId("node-history");
    await expect(history.getByRole("listitem")).toHaveCount(4);
    await expect(history).toContainText("Registered by");
    await expect(history).toContainText("Added to the canonical network");
    await expect(history).toContainText("Removed from the canonical network");
    await expect(history).toContainText(/block \d+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC · tx 0x[0-9a-f]{8}…/);
  });

  test("a network whose registry is unreachable shows an empty state, not an error", async ({ page }) => {
    await page.goto("/nodes?network=mainnet");
    await expect(page.getByRole("status")).toContainText("No nodes yet: the registry has not been read yet.");
  });

  test("an unknown node is not found", async ({ page }) => {
    expect((await page.goto("/nodes/12345?network=local"))?.status()).toBe(404);
  });

  test("the nodes pages pass axe accessibility checks in light and dark", async ({ page }) => {
    test.setTimeout(60_000); // axe takes a few seconds a page on this 2-core machine, with the server busy
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ["/nodes?network=local", "/nodes/100?network=local"]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
        ).toEqual([]);
      }
    }
  });
});
