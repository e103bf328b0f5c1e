import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProbes } from "@/db/mutations/probes";
import { runRollups } from "@/db/mutations/rollups";
import { createIngestToken } from "@/db/mutations/tokens";
import { criteriaWithTimeline } from "@/db/queries/criteria";
import { seedDatabase } from "@/db/seed";
import { type Histogram, mergeHistograms, quantile } from "@/lib/metrics/histogram";
import { ProbeClient } from "@/lib/probe/client";
import type { ProbeInput as ProbeRow } from "@/lib/probe/record";
import {
  getCriteriaApi,
  getCriterionApi,
  getEvidenceApi,
  getReadinessApi,
  getStagesApi,
  getSummaryApi,
  type ReadContext,
} from "@/server/api/read-api";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { evaluateAll } from "@/server/jobs/evaluate";
import { runProbeJob } from "@/server/jobs/probe";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import {
  deployTestRegistry,
  type LocalChain,
  signingKey,
  startLocalChain,
} from "../../simulation/evm/local-chain";
import { type SimulatedNode, startSimulatedNodes } from "../../simulation/xmtpd-node";
import { callEndpoint, type Endpoint } from "../support/ingest";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/**
 * The whole path, end to end: a local EVM registry with three canonical nodes of three operators,
 * simulated xmtpd nodes, a month of probes rolled up, benchmarks, throughput, fork checks and
 * integration tests posted through the ingest API, then the evaluator and the read API. Stage 2 must
 * turn ready exactly when its last failing criterion (integration tests) passes, and every measured
 * value must be recomputable from its evidence.
 */
const MIN = 60_000;
const DAY = 86_400_000;
const now = new Date(Math.floor(Date.now() / MIN) * MIN);
const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

let chain: LocalChain;
let nodes: SimulatedNode[];
let test: TestDatabase;
let token: string;

const post = async (endpoint: Endpoint, body: unknown, query = "", type = "application/json") => {
  const response = await callEndpoint(endpoint, test, body, { token, query, type });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
};
const api = async (handler: (request: Request, context: ReadContext) => Promise<Response>, path: string) =>
  (await handler(new Request(`http://dashboard${path}`), { db: test.handle.db, now, env: test.env })).json();

beforeAll(async () => {
  // The chain's clock starts 40 days back, so the nodes were registered before the month measured.
  chain = await startLocalChain({ initialDate: new Date(now.getTime() - 40 * DAY) });
  const registry = await deployTestRegistry(chain);
  nodes = await startSimulatedNodes(3, (i) => ({
    version: "v0.6.1",
    cursor: { 0: 10n, 100: 500n + BigInt(i) },
  }));
  for (const [i, node] of nodes.entries()) {
    await registry.write("addNode", [chain.accounts[i + 1], await signingKey(i + 1), node.url]);
    await registry.write("addToNetwork", [(i + 1) * 100]);
  }
  test = await createTestDatabase({
    XMTP_NETWORKS: "local",
    SETTLEMENT_RPC_URL: chain.rpcUrl,
    NODE_REGISTRY_ADDRESS: registry.address,
    PROBE_ALLOW_PRIVATE: "1",
    INGEST_RATE_LIMIT_PER_MIN: "100000",
  });
  const db = test.handle.db;
  await seedDatabase(db, test.env);
  // This scenario judges stages 1 and 2 on the local network instead of testnet (team-editable data).
  await db.execute(sql`update stages set network = 'local' where number in (1, 2)`);
  await db.execute(sql`update criteria set network = 'local' where stage_number in (1, 2)`);
  await runRegistrySyncJob(db, test.env, { network: "local", trigger: "cli", confirmations: 0 });
  ({ token } = await createIngestToken(db, {
    name: "qa",
    scopes: ["benchmarks", "tests", "forks", "throughput", "probes"],
    actor: "test",
  }));

  // A month of probes, one a minute per node, as a prober stores them; then one real round.
  const month: ProbeRow[] = [];
  for (let t = now.getTime() - 30 * DAY; t < now.getTime(); t += MIN)
    for (const nodeId of [100, 200, 300])
      month.push({ nodeId, at: new Date(t + 5000), outcome: "up", latencyMs: 40 + ((t / MIN) % 30) });
  await insertProbes(db, { network: "local", region: "sim-east", source: "remote" }, month);
  const client = new ProbeClient({ allowPrivate: true });
  await runProbeJob(db, test.env, { network: "local", trigger: "cli", client, region: "local" });
  await client.close();
  await runRollups(db, { now });

  // Benchmarks: every roadmap operation, 150 raw durations each, under its target.
  const durations = (low: number, high: number) =>
    Array.from({ length: 150 }, (_, i) => low + ((high - low) * i) / 149);
  await post(benchmarksEndpoint, {
    runId: "qa-1",
    source: "xmtp-qa-tools",
    network: "local",
    region: "us-east",
    sdk: "node",
    startedAt: at(DAY),
    results: [
      { operation: "groupsync-10", durationsMs: durations(30, 95) },
      { operation: "streamMessage-10", durationsMs: durations(100, 380) },
      { operation: "newGroup-100", durationsMs: durations(1200, 2400) },
      { operation: "create", durationsMs: durations(300, 1400) },
      { operation: "addMember-10", durationsMs: durations(100, 900) },
      { operation: "addMember-250", durationsMs: durations(400, 1450) },
      { operation: "updateName-10", durationsMs: durations(50, 700) },
    ],
  });
  // Throughput: the load tester's steps for the off-chain burst, run objects for the others.
  await post(
    throughputEndpoint,
    [{ name: "ramp", count: 72_000, rps: 1200, p95_latency_ms: 90, error_pct: 0 }],
    `?runId=load-1&network=local&kind=offchain_burst&startedAt=${encodeURIComponent(at(DAY))}`,
  );
  await post(throughputEndpoint, {
    runId: "chain-1",
    network: "local",
    kind: "onchain_burst",
    nodes: 3,
    startedAt: at(2 * DAY),
    durationS: 60,
    messages: 3600,
    errors: 0,
  });
  await post(throughputEndpoint, {
    runId: "day-1",
    network: "local",
    kind: "sustained_daily",
    nodes: 3,
    startedAt: at(3 * DAY),
    durationS: 86_400,
    messages: 12_000_000,
    errors: 0,
  });
  await post(forkChecksEndpoint, {
    runId: "forks-1",
    network: "local",
    startedAt: at(DAY),
    groupsChecked: 150,
    forkedGroups: 0,
  });
  // Integration tests: four clean runs, then a failing one, as JUnit XML and JSON.
  for (let i = 0; i < 4; i++)
    await post(integrationTestsEndpoint, {
      runId: `it-${i}`,
      suite: "functional",
      sdk: "node",
      network: "local",
      startedAt: at(20 * 3_600_000 - i * MIN),
      passed: 40,
      failed: 0,
    });
  await post(
    integrationTestsEndpoint,
    '<testsuites><testsuite name="functional" tests="2"><testcase name="a" time="0.1"/><testcase name="b" time="0.2"><failure message="boom"/></testcase></testsuite></testsuites>',
    `?runId=it-4&suite=functional&sdk=node&network=local&startedAt=${encodeURIComponent(at(19 * 3_600_000))}`,
    "application/xml",
  );
}, 240_000);

afterAll(async () => {
  await Promise.all((nodes ?? []).map((node) => node.stop()));
  await chain?.stop();
  await test?.drop();
});

type StageJson = {
  number: number;
  computedStatus: string;
  declaredStatus: string;
  missing: { type: string; key: string }[];
};
const stage = async (number: number) =>
  ((await api(getStagesApi, "/api/v1/stages")).stages as StageJson[]).find(
    (s) => s.number === number,
  ) as StageJson;

describe("stage readiness from measured data", () => {
  it("judges every stage-2 target on the data, leaving only the failing integration tests missing", async () => {
    const summary = await evaluateAll(test.handle.db, { now });
    expect(summary.errors).toBe(0);
    const criteria = (await api(getCriteriaApi, "/api/v1/criteria?network=local")).criteria as {
      key: string;
      status: string;
    }[];
    expect(Object.fromEntries(criteria.map((c) => [c.key, c.status]))).toEqual({
      testnet_nodes: "pass",
      sync_group: "pass",
      send_message: "pass",
      create_group_100: "pass",
      register_identity: "pass",
      add_member_10: "pass",
      add_member_250: "pass",
      rename_group_10: "pass",
      offchain_burst: "pass",
      onchain_burst: "pass",
      sustained_daily: "pass",
      node_reliability: "pass",
      fork_rate: "pass",
      integration_pass: "fail",
    });
    const two = await stage(2);
    expect(two.computedStatus).toBe("not_ready");
    expect(two.missing.filter((item) => item.type === "criterion").map((item) => item.key)).toEqual([
      "integration_pass",
    ]);
    expect(two.missing.some((item) => item.type === "milestone")).toBe(true); // open milestones are listed too
    expect((await stage(1)).computedStatus).toBe("ready");
  });

  it("turns stage 2 ready exactly when the failing run leaves the last five", async () => {
    for (let i = 0; i < 5; i++) {
      await post(integrationTestsEndpoint, {
        runId: `fix-${i}`,
        suite: "functional",
        sdk: "node",
        network: "local",
        startedAt: at(10 * 3_600_000 - i * MIN),
        passed: 41,
        failed: 0,
      });
      await evaluateAll(test.handle.db, { now });
      const two = await stage(2);
      // Four clean runs after the failure still leave it among the last five.
      expect(two.computedStatus).toBe(i < 4 ? "not_ready" : "ready");
      expect(two.missing.filter((item) => item.type === "criterion")).toHaveLength(i < 4 ? 1 : 0);
    }
  });

  it("stores an evaluation only when something changed, or as an hourly heartbeat", async () => {
    const count = async () =>
      Number(
        (
          await test.handle.db.execute<{ n: number }>(
            sql`select count(*)::int as n from criterion_evaluations`,
          )
        ).rows[0]?.n,
      );
    const before = await count();
    expect((await evaluateAll(test.handle.db, { now })).stored).toBe(0);
    expect(await count()).toBe(before);
    const heartbeatAt = new Date(now.getTime() + 61 * MIN);
    const later = await evaluateAll(test.handle.db, { now: heartbeatAt });
    expect(later.stored).toBe(later.criteria);
    // Heartbeats repeat what was there: flagged as such, they move no criterion's "last changed".
    const heartbeats = await test.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from criterion_evaluations where evaluated_at = ${heartbeatAt} and not changed`,
    );
    expect(heartbeats.rows[0]?.n).toBe(later.criteria);
    for (const row of await criteriaWithTimeline(test.handle.db))
      expect(row.lastChangedAt?.getTime(), row.key).toBeLessThan(heartbeatAt.getTime());
  });
});

describe("the read API", () => {
  it("summarizes a network: stage, readiness, nodes up and criteria passed", async () => {
    const summary = await api(getSummaryApi, "/api/v1/summary?network=local");
    expect(summary).toMatchObject({
      network: "local",
      asOf: now.toISOString(),
      currentStage: { number: 2, declaredStatus: "in_progress", computedStatus: "ready" },
      readiness: { ready: true, targetsMet: 14, targetsTotal: 14 },
      nodes: { up: 3, total: 3, status: "operational" },
      criteria: { passed: 14, total: 14 },
    });
    const readiness = await api(getReadinessApi, "/api/v1/readiness?network=local");
    expect(readiness.ready).toBe(true);
    expect(readiness.targets.every((target: { metSince: string | null }) => target.metSince !== null)).toBe(
      true,
    );
    const context = { db: test.handle.db, now, env: test.env };
    const bad = await getSummaryApi(new Request("http://dashboard/api/v1/summary?network=moon"), context);
    expect(bad.status).toBe(400);
    // Known, but not collected here (XMTP_NETWORKS=local): refused, not answered with empty figures.
    for (const path of ["/api/v1/summary?network=testnet", "/api/v1/criteria?network=mainnet"]) {
      const handler = path.includes("summary") ? getSummaryApi : getCriteriaApi;
      const refused = await handler(new Request(`http://dashboard${path}`), context);
      expect(refused.status, path).toBe(400);
      expect((await refused.json()).error.message).toBe("network: is not collected here (collected: local)");
    }
  });

  it("serves every criterion's evidence, from which each measured value recomputes", async () => {
    const { criteria } = await api(getCriteriaApi, "/api/v1/criteria?network=local");
    for (const criterion of criteria as {
      key: string;
      kind: string;
      measured: number;
      evidenceUrl: string;
    }[]) {
      const evidence = await api(
        (request, context) => getEvidenceApi(request, context, criterion.key),
        criterion.evidenceUrl,
      );
      expect(recompute(criterion.kind, evidence.input, evidence.criterion), criterion.key).toBeCloseTo(
        criterion.measured,
        6,
      );
    }
  });

  it("gives a criterion with its history of changes, and clear errors for bad requests", async () => {
    const detail = await api(
      (request, context) => getCriterionApi(request, context, "integration_pass"),
      "/api/v1/criteria/integration_pass",
    );
    expect(detail.criterion).toMatchObject({ key: "integration_pass", status: "pass" });
    const statuses = (detail.history as { status: string }[]).map((row) => row.status);
    expect(statuses.slice(0, 3)).toEqual(["pass", "pass", "fail"]); // heartbeat, the change to pass, the failure before
    expect(detail.criterion.firstPassedAt).not.toBeNull();
    const context = { db: test.handle.db, now, env: test.env };
    expect((await getCriterionApi(new Request("http://dashboard/x"), context, "nope")).status).toBe(404);
    const backwards = await getEvidenceApi(
      new Request(`http://dashboard/x?from=${at(0)}&to=${at(DAY)}`),
      context,
      "fork_rate",
    );
    expect(backwards.status).toBe(400);
    const naive = await getEvidenceApi(
      new Request("http://dashboard/x?from=2026-01-01T00:00:00"),
      context,
      "fork_rate",
    );
    expect((await naive.json()).error.message).toMatch(/^from: /);
  });

  it("answers CSV where tabular, with CORS and cache headers", async () => {
    const response = await getCriteriaApi(new Request("http://dashboard/api/v1/criteria?format=csv"), {
      db: test.handle.db,
      now,
      env: test.env,
    });
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("max-age");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]?.split(",").slice(0, 3)).toEqual(["key", "stageNumber", "network"]);
    expect(lines).toHaveLength(16);
  });
});

/** Recomputes a measured value from the evidence alone, by the method the API states. */
function recompute(kind: string, input: Record<string, unknown>, criterion: { metric: string }): number {
  type Row = Record<string, unknown>;
  const rows = (name: string) => (input[name] ?? []) as Row[];
  const n = (row: Row, field: string) => Number(row[field]);
  const sum = (list: Row[], field: string) => list.reduce((total, row) => total + n(row, field), 0);
  switch (kind) {
    case "latency_p95": {
      const merged = mergeHistograms(rows("results").map((row) => row.histogram as Histogram));
      return Math.round((quantile(merged, 0.95) as number) * 100) / 100;
    }
    case "throughput_burst":
      return Math.max(
        ...rows("runs")
          .filter((run) => run.kind === criterion.metric)
          .map((run) =>
            run.peakRps === null ? n(run, "messages") / n(run, "durationS") : n(run, "peakRps"),
          ),
      );
    case "throughput_sustained_daily":
      return Math.max(
        ...rows("runs")
          .filter((run) => run.kind === "sustained_daily" && n(run, "nodes") >= 3)
          .map((run) => Math.round((n(run, "messages") / n(run, "durationS")) * 86_400)),
      );
    case "node_reliability":
      return Math.min(
        ...rows("nodes").map((node) => {
          const up = n(node, "up") + n(node, "degraded");
          return Math.round((up / (up + n(node, "down"))) * 1e6) / 1e4;
        }),
      );
    case "fork_rate":
      return (sum(rows("runs"), "forkedGroups") / sum(rows("runs"), "groupsChecked")) * 100;
    case "integration_pass": {
      const last = [...rows("runs")]
        .sort((a, b) => Date.parse(String(b.startedAt)) - Date.parse(String(a.startedAt)))
        .slice(0, 5);
      return (sum(last, "passed") / (sum(last, "passed") + sum(last, "failed"))) * 100;
    }
    case "independent_operators":
      return new Set(rows("nodes").map((node) => String(node.owner).toLowerCase())).size;
    default:
      throw new Error(`no recipe for ${kind}`);
  }
}
