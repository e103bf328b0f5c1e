import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  probesEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { callEndpoint, type Endpoint, setUpIngest } from "../support/ingest";
import { insertNodes } from "../support/nodes";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks", "forks", "tests", "throughput", "probes"], {
    INGEST_MAX_BODY_BYTES: "4000000",
  }));
  await insertNodes(test.handle.db, "testnet", [{ nodeId: 100 }]);
});
afterAll(() => test?.drop());

const stored = async () =>
  Number(
    (
      await test.handle.db.execute<{ n: number }>(
        sql`select (select count(*) from benchmark_runs) + (select count(*) from benchmark_results)
          + (select count(*) from fork_checks) + (select count(*) from integration_test_runs)
          + (select count(*) from integration_test_cases) + (select count(*) from throughput_runs)
          + (select count(*) from probes) as n`,
      )
    ).rows[0]?.n,
  );

const DAY = 86_400_000;
// Values at and just beyond every bound a field has: int4, 2^53, plausibility, time range, length.
const integers = [-1, 0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1.5, 1e308, -1e308];
const durations = [0, -0.001, 86_400_000, 86_400_001, 1e308];
const seconds = [0, 0.0009, 0.001, 2_678_400, 2_678_401, 1e-300];
const rates = [0, 10_000_000, 10_000_001, 1e308];
const times = () => [
  "0000-01-01T00:00:00Z",
  "2019-12-31T23:59:59Z",
  "2020-01-01T00:00:00Z",
  new Date(Date.now() - 60_000).toISOString(),
  new Date(Date.now() + DAY - 60_000).toISOString(),
  new Date(Date.now() + 2 * DAY).toISOString(),
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z",
];
const text = (length: number) => "x".repeat(length);
const list = <T>(length: number, item: T) => Array.from({ length }, () => item);

type Case = { path: (string | number)[]; values: unknown[] };

/** A valid body per endpoint, and the fields to push to their bounds. */
const ENDPOINTS: {
  name: string;
  endpoint: Endpoint;
  body: (runId: string) => Record<string, unknown>;
  cases: Case[];
}[] = [
  {
    name: "fork-checks",
    endpoint: forkChecksEndpoint,
    body: (runId) => ({
      runId,
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      groupsChecked: 10,
      forkedGroups: 0,
    }),
    cases: [
      { path: ["groupsChecked"], values: integers },
      { path: ["forkedGroups"], values: integers },
      { path: ["operations"], values: integers },
      { path: ["startedAt"], values: times() },
      { path: ["runId"], values: [text(200), text(201)] },
    ],
  },
  {
    name: "integration-tests",
    endpoint: integrationTestsEndpoint,
    body: (runId) => ({
      runId,
      suite: "s",
      sdk: "node",
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      passed: 1,
      failed: 0,
      cases: [{ name: "a", status: "passed", durationMs: 1 }],
    }),
    cases: [
      { path: ["failed"], values: integers },
      { path: ["skipped"], values: integers },
      { path: ["startedAt"], values: times() },
      { path: ["cases", 0, "durationMs"], values: durations },
      { path: ["cases", 0, "name"], values: [text(1000), text(1001)] },
      { path: ["suite"], values: [text(200), text(201)] },
      { path: ["cases"], values: [list(20_001, { name: "a", status: "passed", durationMs: 1 })] },
    ],
  },
  {
    name: "benchmarks",
    endpoint: benchmarksEndpoint,
    body: (runId) => ({
      runId,
      source: "qa",
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      results: [{ operation: "groupsync-10", durationsMs: [5], summary: { count: 1, p50: 5, p95: 5 } }],
    }),
    cases: [
      { path: ["results", 0, "members"], values: integers },
      { path: ["results", 0, "summary", "count"], values: integers },
      { path: ["results", 0, "summary", "p95"], values: durations },
      { path: ["results", 0, "durationsMs", 0], values: durations },
      { path: ["results", 0, "durationsMs"], values: [[], list(100_000, 5), list(100_001, 5)] },
      { path: ["startedAt"], values: times() },
      { path: ["finishedAt"], values: times() },
      { path: ["source"], values: [text(200), text(201)] },
      {
        path: ["results"],
        values: [
          list(1000, { operation: "x", durationsMs: [1] }),
          list(1001, { operation: "x", durationsMs: [1] }),
        ],
      },
    ],
  },
  {
    name: "throughput",
    endpoint: throughputEndpoint,
    body: (runId) => ({
      runId,
      network: "testnet",
      kind: "offchain_burst",
      startedAt: "2026-11-20T10:00:00Z",
      durationS: 60,
      messages: 1000,
    }),
    cases: [
      { path: ["messages"], values: integers },
      { path: ["errors"], values: integers },
      { path: ["nodes"], values: [0, 1, 10_000, 10_001, 2 ** 31] },
      { path: ["durationS"], values: seconds },
      { path: ["peakRps"], values: rates },
      { path: ["errorPct"], values: [0, 100, 100.0001, -1] },
      { path: ["startedAt"], values: times() },
      { path: ["steps"], values: [list(10_000, {}), list(10_001, {})] },
    ],
  },
  {
    name: "probes",
    endpoint: probesEndpoint,
    body: () => ({
      network: "testnet",
      region: "bounds",
      probes: [{ nodeId: 100, at: new Date(Date.now() - 60_000).toISOString(), outcome: "up", latencyMs: 5 }],
    }),
    cases: [
      { path: ["probes", 0, "nodeId"], values: integers },
      { path: ["probes", 0, "at"], values: times() },
      { path: ["probes", 0, "latencyMs"], values: durations },
      { path: ["probes", 0, "httpStatus"], values: [99, 100, 599, 600, 2 ** 31] },
      { path: ["probes", 0, "grpcStatus"], values: [-1, 0, 16, 17] },
      { path: ["probes", 0, "version"], values: [text(200), text(201)] },
      { path: ["probes", 0, "error"], values: [text(2000), text(2001)] },
      { path: ["region"], values: [text(40), text(41), "Bad Region"] },
      {
        path: ["probes", 0, "cursor"],
        values: [1000, 1001].map((n) =>
          Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), "1"])),
        ),
      },
    ],
  },
];

function withValue(body: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const copy = structuredClone(body);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = value;
  return copy;
}

let sequence = 0;

describe("bodies at and beyond every bound", () => {
  for (const { name, endpoint, body, cases } of ENDPOINTS) {
    it(`get from ${name} a 201 that stores, a 200 replay or a 4xx that stores nothing; never a 5xx`, async () => {
      const samples = fc.oneof(
        ...cases.map(({ path, values }) =>
          fc.record({ path: fc.constant(path), value: fc.constantFrom(...values) }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(samples, async ({ path, value }) => {
          const before = await stored();
          const sent = withValue(body(`bounds-${name}-${sequence++}`), path, value);
          const response = await callEndpoint(endpoint, test, sent, { token });
          const label = `${path.join(".")} = ${JSON.stringify(value)?.slice(0, 60)}: ${response.status}`;
          expect(response.status, label).toBeLessThan(500);
          const after = await stored();
          // 201 stored something new; 200 is a replay of what is stored; a 4xx stores nothing.
          if (response.status === 201) expect(after, label).toBeGreaterThan(before);
          else expect(after, label).toBe(before);
          expect([200, 201, 400, 413], label).toContain(response.status);
        }),
        { numRuns: 120 },
      );
    }, 180_000);
  }
});
