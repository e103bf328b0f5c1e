import { expect, test } from "@playwright/test";

test.describe("the read API", () => {
  test("summarizes a network with its stage, readiness, nodes and criteria", async ({ request }) => {
    const response = await request.get("/api/v1/summary?network=testnet");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const summary = await response.json();
    expect(summary).toMatchObject({
      network: "testnet",
      currentStage: { number: 2, title: "Testnet validation", declaredStatus: "in_progress" },
      readiness: { ready: false, targetsTotal: 14 },
      criteria: { total: 14 },
      nodes: { total: 0, status: "unknown" },
    });
    expect(Date.parse(summary.asOf)).not.toBeNaN();
    expect((await request.get("/api/v1/summary?network=moon")).status()).toBe(400);
  });

  test("lists the criteria as JSON and CSV, each with its evidence", async ({ request }) => {
    await expect(async () => {
      const { criteria, total } = await (await request.get("/api/v1/criteria")).json();
      expect(total).toBe(15);
      expect(criteria.every((c: { status: string | null }) => c.status !== null)).toBe(true);
    }).toPass({ timeout: 30_000 });
    const csv = await request.get("/api/v1/criteria?format=csv&stage=2");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(14);
    const evidence = await (await request.get("/api/v1/criteria/sync_group/evidence")).json();
    expect(evidence).toMatchObject({
      criterion: { key: "sync_group" },
      input: { kind: "latency_p95", results: [] },
    });
    expect(evidence.evaluation.status).toBe("insufficient_data");
    expect((await request.get("/api/v1/criteria/nope")).status()).toBe(404);
  });

  test("stage 3 shows its countdown has not started", async ({ page }) => {
    await page.goto("/stages/3");
    await expect(page.getByRole("region", { name: "60-day migration countdown" })).toContainText(
      "Not started",
    );
  });
});
