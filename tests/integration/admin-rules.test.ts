import { readFileSync } from "node:fs";
import { and, desc, eq, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  benchmarkResults,
  benchmarkRollups,
  criteria,
  criterionEvaluations,
  criterionVersions,
  operationMappings,
} from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { presetRange } from "@/lib/charts/range";
import { postCriterion } from "@/server/admin/criteria";
import type { AdminContext } from "@/server/admin/http";
import { postOperationMapping } from "@/server/admin/operation-map";
import { criterionHistoryView } from "@/server/charts/criterion-history";
import { benchmarksEndpoint } from "@/server/ingest/endpoints";
import { adminPost, signInAs } from "../support/admin";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

const DAY = 86_400_000;
const team = privateKeyToAccount(generatePrivateKey());
let test: TestDatabase;
let cookie: string;
let now = new Date();
const context = (): AdminContext => ({ db: test.handle.db, env: test.env, now });
const later = () => {
  now = new Date(now.getTime() + 60_000);
};

async function pushRun(runId: string, operation: string, count: number, daysAgo: number, token: string) {
  const response = await benchmarksEndpoint(
    new Request("http://dashboard/api/ingest/benchmarks", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        runId,
        source: "qa",
        network: "testnet",
        region: "us-east",
        sdk: "node",
        startedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
        results: [{ operation, durationsMs: Array.from({ length: count }, (_, i) => 40 + (i % 10)) }],
      }),
    }),
    { db: test.handle.db, env: test.env },
  );
  expect(response.status).toBe(201);
}

const latest = async (key: string) =>
  (
    await test.handle.db
      .select()
      .from(criterionEvaluations)
      .where(eq(criterionEvaluations.criterionKey, key))
      .orderBy(desc(criterionEvaluations.evaluatedAt), desc(criterionEvaluations.id))
      .limit(1)
  )[0];

/** How many results the all-regions, all-SDKs day rollups of a key hold. */
async function rolledUp(metricKey: string) {
  const rows = await test.handle.db
    .select({ histogram: benchmarkRollups.histogram })
    .from(benchmarkRollups)
    .where(
      and(
        eq(benchmarkRollups.metricKey, metricKey),
        eq(benchmarkRollups.granularity, "day"),
        isNull(benchmarkRollups.region),
        isNull(benchmarkRollups.sdk),
      ),
    );
  return rows.reduce(
    (sum, row) => sum + Object.values(row.histogram ?? {}).reduce((a, b) => a + Number(b), 0),
    0,
  );
}

const keysOf = async (operation: string) =>
  (
    await test.handle.db
      .select({ metricKey: benchmarkResults.metricKey })
      .from(benchmarkResults)
      .where(eq(benchmarkResults.operation, operation))
  ).map((row) => row.metricKey);
/** Each response refused with its status, its body naming the problem. */
async function expectRefusals(refusals: readonly (readonly [Response, number, string])[]) {
  for (const [response, status, words] of refusals) {
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toContain(words);
  }
}

const auditCount = async () => (await test.handle.db.select().from(auditLog)).length;

beforeAll(async () => {
  let token: string;
  ({ test, token } = await setUpIngest(["benchmarks"], { ADMIN_ADDRESSES: team.address }));
  cookie = await signInAs(team, context());
  await pushRun("sync-old", "groupsync-10", 150, 10, token); // outside sync_group's 7-day window
  await pushRun("sync-new", "groupsync-10", 30, 1, token);
  await pushRun("send-new", "sendMessage-10", 120, 2, token); // no mapping names sendMessage
}, 60_000);

afterAll(() => test?.drop());

describe("a criterion's window and minimum samples", () => {
  const change = (key: string, body: unknown, headers: Record<string, string> = { cookie }) =>
    postCriterion(adminPost(`/api/admin/criteria/${key}`, body, headers), context(), key);

  it("start as the published rule, version 1 of it", async () => {
    const [first] = await test.handle.db
      .select()
      .from(criterionVersions)
      .where(eq(criterionVersions.criterionKey, "sync_group"));
    expect(first).toMatchObject({ version: 1, windowDays: 7, minSamples: 100, target: 100, setBy: null });
  });

  it("are what the migration gives a criterion stored before versions: version 1, from when it was first judged", async () => {
    const db = test.handle.db;
    const where = eq(criterionVersions.criterionKey, "send_message");
    const [seeded] = await db.select().from(criterionVersions).where(where);
    const [row] = await db.select().from(criteria).where(eq(criteria.key, "send_message"));
    const judged = await db
      .select({ at: criterionEvaluations.evaluatedAt })
      .from(criterionEvaluations)
      .where(eq(criterionEvaluations.criterionKey, "send_message"))
      .orderBy(criterionEvaluations.evaluatedAt)
      .limit(1);
    const migration = readFileSync(
      new URL("../../db/migrations/0012_criterion_versions.sql", import.meta.url),
      "utf8",
    );
    // As on a database migrated before versions, then rolled back.
    let rebuilt: typeof seeded;
    await db
      .transaction(async (tx) => {
        await tx.delete(criterionVersions);
        await tx.execute(sql.raw(migration.split("--> statement-breakpoint").at(-1) as string));
        [rebuilt] = await tx.select().from(criterionVersions).where(where);
        tx.rollback();
      })
      .catch((error) => expect(error).toBeInstanceOf(TransactionRollbackError));
    const first = Math.min(row?.updatedAt.getTime() as number, ...judged.map((one) => one.at.getTime()));
    expect(rebuilt).toEqual({ ...seeded, validFrom: new Date(first) });
    expect(await db.select().from(criterionVersions).where(where)).toEqual([seeded]);
  });

  it("change as a new version, kept beside the old one, audited, and judged again at once by it", async () => {
    later();
    const widened = await change("sync_group", { windowDays: 14 });
    expect(widened.status).toBe(200);
    expect(await widened.json()).toEqual({ changed: true, version: 2 });
    // 150 + 30 results of 40-49 ms in 14 days: enough samples now, and under the 100 ms target.
    expect(await latest("sync_group")).toMatchObject({
      status: "pass",
      samples: 180,
      criterionVersion: 2,
      evaluatedAt: now,
    });
    later();
    expect(await (await change("sync_group", { minSamples: 500 })).json()).toEqual({
      changed: true,
      version: 3,
    });
    expect(await latest("sync_group")).toMatchObject({ status: "insufficient_data", criterionVersion: 3 });
    const versions = await test.handle.db
      .select()
      .from(criterionVersions)
      .where(eq(criterionVersions.criterionKey, "sync_group"))
      .orderBy(criterionVersions.version);
    expect(versions.map((v) => [v.version, v.windowDays, v.minSamples, v.target, v.setBy])).toEqual([
      [1, 7, 100, 100, null],
      [2, 14, 100, 100, team.address],
      [3, 14, 500, 100, team.address],
    ]);
    const history = await criterionHistoryView(test.handle.db, {
      key: "sync_group",
      range: presetRange("7d", now),
      now,
    });
    expect(
      history?.rules.map((rule) => [rule.version, rule.windowDays, rule.minSamples, rule.setBy]),
    ).toEqual(versions.map((v) => [v.version, v.windowDays, v.minSamples, v.setBy]));
    expect(history?.windowDays).toBe(14);
    const [audited] = await test.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "criterion"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audited).toMatchObject({
      actor: team.address,
      action: "criterion.update",
      entityKey: "sync_group",
      before: { minSamples: 100, version: 2 },
      after: { minSamples: 500, version: 3 },
    });
  });

  it("change nothing when the values are the stored ones", async () => {
    const audits = await auditCount();
    expect(await (await change("sync_group", { windowDays: 14, minSamples: 500 })).json()).toEqual({
      changed: false,
      version: 3,
    });
    expect(await auditCount()).toBe(audits);
  });

  it("never take a target, a bad window, another site's request or no session, changing nothing", async () => {
    const audits = await auditCount();
    const refusals = [
      [await change("sync_group", { target: 50 }), 400, "targets are the published ones"],
      [
        await change("sync_group", { windowDays: 14, comparator: "lte" }),
        400,
        "targets are the published ones",
      ],
      [await change("sync_group", { windowDays: 0 }), 400, "windowDays"],
      [await change("sync_group", { windowDays: 91 }), 400, "windowDays"],
      [await change("sync_group", { minSamples: 1.5 }), 400, "minSamples"],
      [await change("sync_group", {}), 400, "name windowDays or minSamples"],
      [await change("no_such_target", { windowDays: 3 }), 404, "no criterion"],
      [await change("sync_group", { windowDays: 3 }, {}), 401, "sign in"],
      [
        await change("sync_group", { windowDays: 3 }, { cookie, origin: "https://elsewhere.example" }),
        403,
        "own pages",
      ],
    ] as const;
    await expectRefusals(refusals);
    const [row] = await test.handle.db.select().from(criteria).where(eq(criteria.key, "sync_group"));
    expect(row).toMatchObject({ target: 100, comparator: "lt", windowDays: 14, minSamples: 500, version: 3 });
    expect(await auditCount()).toBe(audits);
  });
});

describe("the QA operation map", () => {
  const map = (body: unknown, headers: Record<string, string> = { cookie }) =>
    postOperationMapping(adminPost("/api/admin/operation-map", body, headers), context());

  it("maps stored results again when a pattern is added: their target's rollups and verdict take them at once", async () => {
    expect(await keysOf("sendMessage-10")).toEqual([null]);
    expect(await rolledUp("send_message")).toBe(0);
    later();
    const mapped = await map({ pattern: "sendMessage-*", metricKey: "send_message", note: "sender's view" });
    expect(await mapped.json()).toEqual({ changed: true, remapped: 1, metricKeys: ["send_message"] });
    expect(await keysOf("sendMessage-10")).toEqual(["send_message"]);
    expect(await rolledUp("send_message")).toBe(120);
    expect(await latest("send_message")).toMatchObject({ status: "pass", samples: 120, evaluatedAt: now });
  });

  it("moves results from one target's rollups to another's when a pattern is pointed elsewhere, then drops them", async () => {
    const synced = await rolledUp("sync_group");
    later();
    const moved = await map({ pattern: "sendMessage-*", metricKey: "sync_group" });
    expect(await moved.json()).toEqual({
      changed: true,
      remapped: 1,
      metricKeys: ["send_message", "sync_group"],
    });
    expect(await rolledUp("send_message")).toBe(0);
    expect(await rolledUp("sync_group")).toBe(synced + 120);
    expect(await latest("send_message")).toMatchObject({ status: "insufficient_data", samples: 0 });
    later();
    const dropped = await map({ pattern: "sendMessage-*", metricKey: null });
    expect(await dropped.json()).toEqual({ changed: true, remapped: 1, metricKeys: ["sync_group"] });
    expect(await keysOf("sendMessage-10")).toEqual([null]);
    expect(await rolledUp("sync_group")).toBe(synced);
    const audited = await test.handle.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityType, "operation"))
      .orderBy(auditLog.id);
    expect(audited).toEqual([
      { action: "operation.map", before: null, after: { metricKey: "send_message", note: "sender's view" } },
      {
        action: "operation.update",
        before: { metricKey: "send_message", note: "sender's view" },
        after: { metricKey: "sync_group", note: null },
      },
      {
        action: "operation.unmap",
        before: { metricKey: "sync_group", note: null },
        after: { metricKey: null, note: null },
      },
    ]);
  });

  it("keeps a published mapping the team removed removed, however often the roadmap is seeded again", async () => {
    later();
    expect((await map({ pattern: "updateName-10", metricKey: null })).status).toBe(200);
    expect(await seedDatabase(test.handle.db, test.env)).toMatchObject({ operationMappings: 0 });
    const patterns = (await test.handle.db.select().from(operationMappings)).map((row) => row.pattern);
    expect(patterns).not.toContain("updateName-10");
    expect(patterns).toContain("groupsync-*");
  });

  it("refuses an unknown target, a bad pattern, another site's request or no session, changing nothing", async () => {
    const audits = await auditCount();
    const mappings = await test.handle.db.select().from(operationMappings);
    const refusals = [
      [
        await map({ pattern: "sendMessage-*", metricKey: "no_such_key" }),
        400,
        "no_such_key is no latency target",
      ],
      [await map({ pattern: "send message", metricKey: "send_message" }), 400, "QA test id"],
      [await map({ pattern: "*", metricKey: "send_message" }), 400, "QA test id"],
      [await map({ pattern: "sync_group", metricKey: "send_message" }), 400, "maps to itself"],
      [await map({ pattern: "sendMessage-*", metricKey: "send_message" }, {}), 401, "sign in"],
      [
        await map(
          { pattern: "sendMessage-*", metricKey: "send_message" },
          { cookie, origin: "https://elsewhere.example" },
        ),
        403,
        "own pages",
      ],
    ] as const;
    await expectRefusals(refusals);
    expect(await test.handle.db.select().from(operationMappings)).toEqual(mappings);
    expect(await auditCount()).toBe(audits);
  });
});
