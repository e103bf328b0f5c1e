import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCriteria, getMilestones, getStages } from "@/db/queries/roadmap";
import { auditLog, criteria, criterionEvaluations, criterionVersions, networks, stages } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

describe("roadmap seed", () => {
  it("inserts the four stages, their milestones and every published target", async () => {
    const summary = await seedDatabase(test.handle.db, test.env);
    expect(summary).toEqual({
      stages: 4,
      milestones: 21,
      criteria: 15,
      operationMappings: 8,
      targetsChanged: 0,
    });

    const stageRows = await getStages(test.handle.db);
    expect(stageRows.map((stage) => [stage.number, stage.title, stage.network])).toEqual([
      [1, "Testnet relaunch", "testnet"],
      [2, "Testnet validation", "testnet"],
      [3, "Mainnet preparation", "mainnet"],
      [4, "Mainnet launch", "mainnet"],
    ]);

    const latency = (await getCriteria(test.handle.db, { stageNumber: 2 })).filter(
      (c) => c.kind === "latency_p95",
    );
    expect(latency.map((c) => [c.key, c.target, c.baseline])).toEqual([
      ["sync_group", 100, 100],
      ["send_message", 400, 250],
      ["create_group_100", 2500, 4000],
      ["register_identity", 1500, 350],
      ["add_member_10", 1500, 250],
      ["add_member_250", 1500, 750],
      ["rename_group_10", 1500, 100],
    ]);
    expect(
      latency.every(
        (c) => c.comparator === "lt" && c.unit === "ms" && c.windowDays === 7 && c.minSamples === 100,
      ),
    ).toBe(true);
    const all = await getCriteria(test.handle.db);
    expect(
      Object.fromEntries(
        all
          .filter((c) => c.kind !== "latency_p95")
          .map((c) => [c.key, [c.comparator, c.target, c.unit, c.network]]),
      ),
    ).toEqual({
      testnet_nodes: ["gte", 3, "nodes", "testnet"],
      offchain_burst: ["gte", 1000, "msg/s", "testnet"],
      onchain_burst: ["gte", 50, "msg/s", "testnet"],
      sustained_daily: ["gte", 10_000_000, "msg/day", "testnet"],
      node_reliability: ["gte", 99.99, "%", "testnet"],
      fork_rate: ["eq", 0, "%", "testnet"],
      integration_pass: ["eq", 100, "%", "testnet"],
      mainnet_operators: ["gte", 7, "nodes", "mainnet"],
    });
    expect(all.every((c) => c.status === null)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () =>
      test.handle.db.execute(sql`select (select json_agg(s order by number) from stages s)::text as s,
        (select json_agg(m order by key) from milestones m)::text as m,
        (select json_agg(c order by key) from criteria c)::text as c,
        (select json_agg(n order by key) from networks n)::text as n,
        (select json_agg(o order by pattern) from operation_mappings o)::text as o`);
    const before = (await snapshot()).rows;
    expect(await seedDatabase(test.handle.db, test.env)).toEqual({
      stages: 0,
      milestones: 0,
      criteria: 0,
      operationMappings: 0,
      targetsChanged: 0,
    });
    expect((await snapshot()).rows).toEqual(before);
  });

  it("keeps the team's edits", async () => {
    const db = test.handle.db;
    await db
      .update(stages)
      .set({ declaredStatus: "complete", updatedBy: "0xteam" })
      .where(eq(stages.number, 2));
    await db
      .update(criteria)
      .set({ windowDays: 14, minSamples: 50, version: 2 })
      .where(eq(criteria.key, "sync_group"));
    await db.execute(
      sql`update milestones set status = 'done', evidence_url = 'https://example.org/pr/1' where key = 's2-load-testing'`,
    );

    await seedDatabase(db, test.env);

    const [stage] = await db.select().from(stages).where(eq(stages.number, 2));
    expect(stage?.declaredStatus).toBe("complete");
    const [criterion] = await db.select().from(criteria).where(eq(criteria.key, "sync_group"));
    expect(criterion).toMatchObject({ target: 100, windowDays: 14, minSamples: 50, version: 2 });
    const milestone = (await getMilestones(db, { stageNumber: 2 })).find((m) => m.key === "s2-load-testing");
    expect(milestone).toMatchObject({ status: "done", evidenceUrl: "https://example.org/pr/1" });
  });

  it("takes a target the published roadmap changed as a new version of its rule, keeping the verdicts judged by the old", async () => {
    const db = test.handle.db;
    // As if seeded from an older roadmap that published 500 ms, and judged by it.
    await db.update(criteria).set({ target: 500 }).where(eq(criteria.key, "send_message"));
    await db
      .update(criterionVersions)
      .set({ target: 500 })
      .where(eq(criterionVersions.criterionKey, "send_message"));
    const at = new Date("2026-11-01T00:00:00Z");
    await db.insert(criterionEvaluations).values({
      criterionKey: "send_message",
      network: "testnet",
      evaluatedAt: at,
      status: "pass",
      measured: 450,
      target: 500,
      unit: "ms",
      windowStart: at,
      windowEnd: at,
      samples: 120,
    });

    expect(await seedDatabase(db, test.env)).toMatchObject({ targetsChanged: 1 });

    const [criterion] = await db.select().from(criteria).where(eq(criteria.key, "send_message"));
    expect(criterion).toMatchObject({ target: 400, comparator: "lt", version: 2 });
    const versions = await db
      .select()
      .from(criterionVersions)
      .where(eq(criterionVersions.criterionKey, "send_message"))
      .orderBy(criterionVersions.version);
    expect(versions.map((v) => [v.version, v.target, v.windowDays, v.setBy])).toEqual([
      [1, 500, 7, null],
      [2, 400, 7, null],
    ]);
    const [judged] = await db
      .select()
      .from(criterionEvaluations)
      .where(eq(criterionEvaluations.criterionKey, "send_message"));
    expect(judged).toMatchObject({ target: 500, measured: 450, criterionVersion: 1 });
    const [audited] = await db.select().from(auditLog).where(eq(auditLog.entityKey, "send_message"));
    expect(audited).toMatchObject({
      actor: "published roadmap",
      action: "criterion.target",
      before: { target: 500, version: 1 },
      after: { target: 400, version: 2 },
    });
    expect(await seedDatabase(db, test.env)).toMatchObject({ targetsChanged: 0 });
  });

  it("follows the environment for which networks are collected", async () => {
    const db = test.handle.db;
    const env = { ...test.env, XMTP_NETWORKS: ["mainnet" as const] };
    await seedDatabase(db, env);
    const rows = await db.select({ key: networks.key, isCollected: networks.isCollected }).from(networks);
    expect(Object.fromEntries(rows.map((row) => [row.key, row.isCollected]))).toEqual({
      testnet: false,
      mainnet: true,
    });
  });
});
