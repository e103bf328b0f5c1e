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

  test("a node page draws its probe latency over time per region, and lists its availability per day", async ({
    page,
    request,
  }) => {
    await page.goto("/nodes/400"); // the demo's slow node: about 700 ms from every region
    const card = page.getByRole("region", { name: "Probe latency over time" });
    await expect(card.getByRole("figure")).toHaveCount(3);
    const figure = card.getByTestId("node-latency-eu-west");
    await expect(figure.locator(".recharts-wrapper > svg")).toContainText("UTC day");
    await expect(figure.locator(".recharts-wrapper > svg")).toContainText("ms");
    await expect(figure.locator(".recharts-line")).toHaveCount(3);
    const p95 = Number(
      ((await figure.locator("figcaption").textContent()) ?? "").match(/p95 ([\d.]+) ms/)?.[1],
    );
    expect(p95).toBeGreaterThan(600);
    const href = (await figure.getByRole("link", { name: "Download CSV" }).getAttribute("href")) as string;
    const [header, ...lines] = (await (await request.get(href)).text()).trimEnd().split("\r\n");
    expect(header).toBe("region,bucketStart,samples,p50Ms,p95Ms,p99Ms");
    const view = await (await request.get(href.replace("&format=csv", ""))).json();
    expect(lines).toEqual(
      view.regions[0].points.map((point: Record<string, unknown>) =>
        ["eu-west", point.start, point.samples, point.p50Ms, point.p95Ms, point.p99Ms]
          .map((value) => (value === null ? "" : String(value)))
          .join(","),
      ),
    );
    // A shorter window draws hours.
    await page.getByRole("navigation", { name: "Latency window" }).getByRole("link", { name: "24h" }).click();
    await expect(page).toHaveURL(/window=24h/);
    await expect(card.getByTestId("node-latency-eu-west").locator(".recharts-wrapper > svg")).toContainText(
      "UTC hour",
    );

    const days = page.getByTestId("day-table");
    await days.getByText(/^Availability per day \(\d+\)$/).click();
    await expect(days.locator("tbody tr").first()).toContainText(/\d{4}-\d\d-\d\d \(so far\)/);
    await expect(days.locator("tbody tr")).toHaveCount(90);
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
