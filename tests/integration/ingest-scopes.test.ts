import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner, issuePartnerToken } from "@/db/mutations/partners";
import { createIngestToken } from "@/db/mutations/tokens";
import { INGEST_SCOPES, PARTNER_SCOPE, type TokenScope } from "@/lib/auth/scopes";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  partnerRunsEndpoint,
  probesEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { callEndpoint, type Endpoint, setUpIngest } from "../support/ingest";
import { insertNodes } from "../support/nodes";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
const ALL_SCOPES: TokenScope[] = [...INGEST_SCOPES, PARTNER_SCOPE];
const tokens = new Map<TokenScope, { token: string; name: string }>();
const startedAt = "2026-11-20T10:00:00Z";

// One valid body per endpoint: a skipped scope check would store it (201), not refuse it as a bad body.
const endpoints: { scope: TokenScope; endpoint: Endpoint; body: () => unknown; table: string }[] = [
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
  {
    scope: PARTNER_SCOPE,
    endpoint: partnerRunsEndpoint,
    table: "partner_runs",
    body: () => ({
      runId: "scoped",
      suite: "s",
      sdk: "xmtp-js",
      sdkVersion: "2.1.0",
      network: "testnet",
      startedAt,
      passed: 3,
      failed: 0,
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
    tokens.set(scope, {
      name: scope,
      token: (await createIngestToken(test.handle.db, { name: scope, scopes: [scope], actor: "test" })).token,
    });
  // A partner's token: the one scope it has is given only with its partner.
  await createPartner(
    test.handle.db,
    {
      slug: "acme",
      name: "Acme",
      appUrl: null,
      network: "testnet",
      payerAddresses: [],
      sdks: [],
      listed: true,
      contact: null,
      notes: null,
      requiredRuns: 5,
    },
    "test",
  );
  const partnerToken = await issuePartnerToken(test.handle.db, "acme", "test");
  tokens.set(PARTNER_SCOPE, { name: partnerToken.name, token: partnerToken.token });
});
afterAll(() => test?.drop());

describe("every ingest endpoint × every scope it lacks", () => {
  it("covers every scope there is", () => {
    expect(endpoints.map((e) => e.scope).sort()).toEqual([...ALL_SCOPES].sort());
  });

  for (const { scope, endpoint, body, table } of endpoints)
    for (const other of ALL_SCOPES.filter((s) => s !== scope))
      it(`refuses a "${other}" token on the ${scope} endpoint with 403 and stores nothing`, async () => {
        const before = await rows(table);
        const response = await callEndpoint(endpoint, test, body(), { token: tokens.get(other)?.token });
        expect(response.status).toBe(403);
        expect((await response.json()).error).toMatchObject({
          code: "forbidden",
          message: `the token "${tokens.get(other)?.name}" lacks the scope "${scope}"`,
        });
        expect(await rows(table)).toBe(before);
      });

  it("takes the same bodies with the right scope (so the refusals above are about the scope)", async () => {
    for (const { scope, endpoint, body, table } of endpoints) {
      const response = await callEndpoint(endpoint, test, body(), { token: tokens.get(scope)?.token });
      expect(response.status, scope).toBe(201);
      expect(await rows(table), scope).toBeGreaterThan(0);
    }
  });
});
