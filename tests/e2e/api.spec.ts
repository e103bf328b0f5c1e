import { expect, test } from "@playwright/test";

test.describe("the read API", () => {
  test("summarizes a network with its stage, readiness, nodes and criteria", async ({ request }) => {
    const response = await request.get("/api/v1/summary");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const summary = await response.json();
    // The demo judges its QA history: 8 of the 15 targets met; its 5 canonical nodes answer.
    expect(summary).toMatchObject({
      network: "local",
      currentStage: { number: 2, title: "Testnet validation", declaredStatus: "in_progress" },
      readiness: { ready: false, targetsMet: 8, targetsTotal: 15 },
      criteria: { passed: 8, total: 15 },
      nodes: { total: 5 },
    });
    expect(Date.parse(summary.asOf)).not.toBeNaN();
    expect((await request.get("/api/v1/summary?network=moon")).status()).toBe(400);
    expect((await request.get("/api/v1/summary?network=testnet")).status()).toBe(400); // not collected here
  });

  test("answers If-None-Match with 304 while the answer is unchanged, through the production server", async ({
    request,
  }) => {
    // A partner's badge: nothing another spec does changes it.
    const first = await request.get("/partners/beacon-chat/badge.svg");
    expect(first.status()).toBe(200);
    const etag = first.headers().etag;
    expect(etag).toMatch(/^W\/"[\w-]{32}"$/);
    const again = await request.get("/partners/beacon-chat/badge.svg", {
      headers: { "if-none-match": etag as string },
    });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);
  });

  test("lists the criteria as JSON and CSV, each with its evidence", async ({ request }) => {
    const { criteria, total } = await (await request.get("/api/v1/criteria")).json();
    expect(total).toBe(15);
    expect(criteria.every((c: { status: string | null }) => c.status !== null)).toBe(true);
    const csv = await request.get("/api/v1/criteria?format=csv&stage=2");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(14);
    const evidence = await (await request.get("/api/v1/criteria/sync_group/evidence")).json();
    expect(evidence).toMatchObject({ criterion: { key: "sync_group" }, input: { kind: "latency_p95" } });
    expect(evidence.input.results.length).toBeGreaterThan(0);
    expect(evidence.evaluation.status).toBe("pass");
    expect((await request.get("/api/v1/criteria/nope")).status()).toBe(404);
  });

  test("stage 3 shows its countdown has not started", async ({ page }) => {
    await page.goto("/stages/3");
    await expect(page.getByRole("region", { name: "60-day migration countdown" })).toContainText(
      "Not started",
    );
  });
});
