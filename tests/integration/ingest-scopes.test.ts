import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken } from "@/db/mutations/tokens";
import { INGEST_SCOPES, type IngestScope } from "@/lib/auth/scopes";
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
const tokens = new Map<IngestScope, string>();
const startedAt = "2026-11-20T10:00:00Z";

// One valid body per endpoint: a skipped scope check would store it (201), not refuse it as a bad body.
const endpoints: { scope: IngestScope; endpoint: Endpoint; body: () => unknown; table: string }[] = [
  {
    scope: "benchmarks",
    endpoint: benchmarksEndpoint,
    table: "benchmark_runs",
    body: () => ({
      runId: "scoped",
      source: "qa",
      network: "testnet",
      region: "us-east",
      sdk: "node",
      startedAt,
      results: [{ operation: "groupsync-10", durationsMs: [80, 90] }],
    }),
  },
  {
    scope: "tests",
    endpoint: integrationTestsEndpoint,
    table: "integration_test_runs",
    body: () => ({
      runId: "scoped",
      suite: "s",
      sdk: "node",
      network: "testnet",
      startedAt,
      passed: 3,
      failed: 0,
    }),
  },
  {
    scope: "forks",
    endpoint: forkChecksEndpoint,
    table: "fork_checks",
    body: () => ({ runId: "scoped", network: "testnet", startedAt, groupsChecked: 10, forkedGroups: 0 }),
  },
  {
    scope: "throughput",
    endpoint: throughputEndpoint,
    table: "throughput_runs",
    body: () => ({
      runId: "scoped",
      network: "testnet",
      kind: "offchain_burst",
      startedAt,
      durationS: 60,
      messages: 6000,
    }),
  },
  {
    scope: "probes",
    endpoint: probesEndpoint,
    table: "probes",
    body: () => ({
      network: "testnet",
      region: "eu-west",
      probes: [
        { nodeId: 100, at: new Date(Date.now() - 60_000).toISOString(), outcome: "up", latencyMs: 40 },
      ],
    }),
  },
];

const rows = async (table: string) =>
  Number(
    (await test.handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]
      ?.n,
  );

beforeAll(async () => {
  ({ test } = await setUpIngest(["benchmarks"]));
  await insertNodes(test.handle.db, "testnet", [{ nodeId: 100 }]);
  for (const scope of INGEST_SCOPES)
    tokens.set(
      scope,
      (await createIngestToken(test.handle.db, { name: scope, scopes: [scope], actor: "test" })).token,
    );
});
afterAll(() => test?.drop());

describe("every ingest endpoint × every scope it lacks", () => {
  it("covers every scope there is", () => {
    expect(endpoints.map((e) => e.scope).sort()).toEqual([...INGEST_SCOPES].sort());
  });

  for (const { scope, endpoint, body, table } of endpoints)
    for (const other of INGEST_SCOPES.filter((s) => s !== scope))
      it(`refuses a "${other}" token on the ${scope} endpoint with 403 and stores nothing`, async () => {
        const before = await rows(table);
        const response = await callEndpoint(endpoint, test, body(), { token: tokens.get(other) });
        expect(response.status).toBe(403);
        expect((await response.json()).error).toMatchObject({
          code: "forbidden",
          message: `the token "${other}" lacks the scope "${scope}"`,
        });
        expect(await rows(table)).toBe(before);
      });

  it("takes the same bodies with the right scope (so the refusals above are about the scope)", async () => {
    for (const { scope, endpoint, body, table } of endpoints) {
      const response = await callEndpoint(endpoint, test, body(), { token: tokens.get(scope) });
      expect(response.status, scope).toBe(201);
      expect(await rows(table), scope).toBeGreaterThan(0);
    }
  });
});
