import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks", "forks", "tests", "throughput"]));
});
afterAll(() => test?.drop());

const stored = async () =>
  (
    await test.handle.db.execute<{ n: number }>(
      sql`select (select count(*) from benchmark_runs) + (select count(*) from benchmark_results) + (select count(*) from fork_checks)
        + (select count(*) from integration_test_runs) + (select count(*) from throughput_runs) as n`,
    )
  ).rows[0]?.n;

// Malformed bodies: arbitrary JSON, near-miss runs with one field broken, and text that is not JSON.
const nearMissBenchmark = fc.record({
  runId: fc.oneof(fc.string(), fc.integer(), fc.constant("")),
  source: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)),
  network: fc.oneof(fc.constantFrom("testnet", "devnet", ""), fc.integer()),
  startedAt: fc.oneof(fc.constant("2026-11-20T10:00:00"), fc.string(), fc.integer()),
  results: fc.oneof(
    fc.constant([]),
    fc.array(
      fc.record({ operation: fc.string(), durationsMs: fc.array(fc.oneof(fc.double(), fc.constant(-1))) }),
    ),
  ),
});
const loadTestSteps = fc.array(
  fc.record({
    name: fc.string(),
    count: fc.oneof(fc.integer(), fc.double()),
    rps: fc.double(),
    error_pct: fc.double(),
  }),
);
const json = (text: string) => ({ text, type: "application/json" });
const bodies = fc.oneof(
  fc.json().map(json),
  fc.string().map(json),
  nearMissBenchmark.map((value) => json(JSON.stringify(value))),
  loadTestSteps.map((value) => json(JSON.stringify(value))),
  // XML: arbitrary text, and JUnit-like documents with hostile or missing parts.
  fc.string().map((text) => ({ text, type: "application/xml" })),
  fc
    .tuple(fc.string(), fc.constantFrom("", '<!DOCTYPE x [<!ENTITY a "b">]>', '<?xml version="1.0"?>'))
    .map(([name, prolog]) => ({
      text: `${prolog}<testsuites><testsuite timestamp="${name}"><testcase name="${name}" time="${name}"/></testsuite></testsuites>`,
      type: "text/xml",
    })),
);

describe("thousands of malformed bodies", () => {
  for (const [name, endpoint] of [
    ["benchmarks", benchmarksEndpoint],
    ["fork-checks", forkChecksEndpoint],
    ["integration-tests", integrationTestsEndpoint],
    ["throughput", throughputEndpoint],
  ] as const) {
    it(`get a 4xx from ${name}, never a 5xx, and change nothing stored`, async () => {
      const before = await stored();
      await fc.assert(
        fc.asyncProperty(bodies, async ({ text, type }) => {
          const response = await endpoint(
            new Request("http://dashboard/api/ingest", {
              method: "POST",
              headers: { "content-type": type, authorization: `Bearer ${token}` },
              body: text,
            }),
            { db: test.handle.db, env: test.env },
          );
          expect(response.status).not.toBe(403); // the token holds every scope: refusals are about the body
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          const body = await response.json();
          expect(typeof body.error.code).toBe("string");
        }),
        { numRuns: 1000 },
      );
      expect(await stored()).toBe(before);
    }, 120_000);
  }
});
