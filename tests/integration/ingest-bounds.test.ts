import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCriterionApi, getEvidenceApi } from "@/server/api/read-api";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import { callEndpoint, type Endpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks", "forks", "tests", "throughput"], {
    INGEST_MAX_BODY_BYTES: "4000000",
  }));
});
afterAll(() => test?.drop());

const post = (endpoint: Endpoint, body: unknown, query = "") =>
  callEndpoint(endpoint, test, body, { token, query });

const storedRuns = async () =>
  Number(
    (
      await test.handle.db.execute<{ n: number }>(
        sql`select (select count(*) from benchmark_runs) + (select count(*) from fork_checks)
          + (select count(*) from integration_test_runs) + (select count(*) from throughput_runs) as n`,
      )
    ).rows[0]?.n,
  );

const INT4_OVER = 2 ** 31;
const startedAt = "2026-11-20T10:00:00Z";
const forkCheck = (runId: string, fields: Record<string, unknown> = {}) => ({
  runId,
  network: "testnet",
  startedAt,
  groupsChecked: 100,
  forkedGroups: 0,
  ...fields,
});
const integrationRun = (runId: string, fields: Record<string, unknown> = {}) => ({
  runId,
  suite: "bounds",
  sdk: "node",
  network: "testnet",
  startedAt,
  passed: 1,
  failed: 0,
  ...fields,
});
const benchmark = (runId: string, result: Record<string, unknown>, fields: Record<string, unknown> = {}) => ({
  runId,
  source: "bounds",
  network: "testnet",
  startedAt,
  results: [{ operation: "groupsync-10", ...result }],
  ...fields,
});

async function expectRefused(response: Response, path: string) {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
  return body;
}

describe("numbers beyond their columns", () => {
  it("a count beyond an int4 column is a 400 naming the field, at 2^31 − 1 it is stored", async () => {
    const before = await storedRuns();
    await expectRefused(
      await post(forkChecksEndpoint, forkCheck("int4-over", { groupsChecked: 3e9 })),
      "groupsChecked",
    );
    await expectRefused(
      await post(integrationTestsEndpoint, integrationRun("int4-passed", { passed: INT4_OVER })),
      "passed",
    );
    await expectRefused(
      await post(benchmarksEndpoint, benchmark("int4-members", { members: INT4_OVER, durationsMs: [1] })),
      "results.0.members",
    );
    await expectRefused(
      await post(
        benchmarksEndpoint,
        benchmark("int4-count", { summary: { count: INT4_OVER, p50: 1, p95: 2 } }),
      ),
      "results.0.summary.count",
    );
    expect(await storedRuns()).toBe(before);
    const atMax = await post(forkChecksEndpoint, forkCheck("int4-max", { groupsChecked: INT4_OVER - 1 }));
    expect(atMax.status).toBe(201);
  });

  it("a throughput run's message count, stored as bigint, may pass 2^31", async () => {
    const response = await post(throughputEndpoint, {
      runId: "bigint-messages",
      network: "testnet",
      kind: "sustained_daily",
      startedAt,
      durationS: 86_400,
      messages: 5e9,
    });
    expect(response.status).toBe(201);
  });
});

describe("many rows in one run", () => {
  it("stores 20,000 integration cases, more than Postgres binds in one statement", async () => {
    const cases = Array.from({ length: 20_000 }, (_, i) => ({
      name: `case ${i}`,
      status: "passed",
      durationMs: 1,
    }));
    const response = await post(
      integrationTestsEndpoint,
      integrationRun("many-cases", { passed: 20_000, cases }),
    );
    expect(response.status).toBe(201);
    const [row] = (
      await test.handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from integration_test_cases c join integration_test_runs r on r.id = c.run_id where r.run_id = 'many-cases'`,
      )
    ).rows;
    expect(row?.n).toBe(20_000);
  });
});

describe("times outside a sane range", () => {
  it("a result dated before 2020 or more than a day ahead is a 400 that says the range", async () => {
    const before = await storedRuns();
    for (const at of ["0000-01-01T00:00:00Z", "2019-12-31T23:59:59Z", "+275760-09-13T00:00:00Z"]) {
      const response = await post(forkChecksEndpoint, forkCheck(`time-${at}`, { startedAt: at }));
      expect(response.status).toBe(400);
    }
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const body = await expectRefused(
      await post(forkChecksEndpoint, forkCheck("time-future", { startedAt: future })),
      "startedAt",
    );
    expect(JSON.stringify(body)).toContain("between 2020-01-01 and a day from now");
    expect(await storedRuns()).toBe(before);
  });

  it("a query time out of range is a 400, not a 500", async () => {
    const context = { db: test.handle.db, now: new Date(), env: test.env };
    const history = await getCriterionApi(
      new Request("http://dashboard/api/v1/criteria/fork_rate?since=0000-01-01T00:00:00Z"),
      context,
      "fork_rate",
    );
    expect(history.status).toBe(400);
    const evidence = await getEvidenceApi(
      new Request("http://dashboard/api/v1/criteria/fork_rate/evidence?from=0000-01-01T00:00:00Z"),
      context,
      "fork_rate",
    );
    expect(evidence.status).toBe(400);
    expect((await evidence.json()).error.message).toMatch(/^from: must be between 2020-01-01/);
  });
});

describe("a big evidence window", () => {
  it("serves a criterion's evidence in pages while judging it on every row", async () => {
    for (let run = 0; run < 3; run++) {
      const results = Array.from({ length: run < 2 ? 1000 : 500 }, () => ({
        operation: "groupsync-10",
        durationsMs: [100],
      }));
      const response = await post(benchmarksEndpoint, benchmark(`page-${run}`, {}, { results }));
      expect(response.status).toBe(201);
    }
    const window = "from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
    const evidence = (query: string) =>
      getEvidenceApi(
        new Request(`http://dashboard/api/v1/criteria/sync_group/evidence?${window}${query}`),
        { db: test.handle.db, now: new Date(), env: test.env },
        "sync_group",
      );
    const first = await (await evidence("")).json();
    expect(first.input.results).toHaveLength(1000);
    expect(first.page).toEqual({ list: "results", offset: 0, limit: 1000, total: 2500, nextOffset: 1000 });
    expect(first.evaluation.samples).toBe(2500);
    const last = await (await evidence("&offset=2000")).json();
    expect(last.input.results).toHaveLength(500);
    expect(last.page.nextOffset).toBeNull();
    expect((await evidence("&limit=10001")).status).toBe(400);
  });

  it("refuses a result with an empty list of durations (its min, max and mean would be infinite)", async () => {
    await expectRefused(
      await post(benchmarksEndpoint, benchmark("empty-durations", { durationsMs: [] })),
      "results.0.durationsMs",
    );
  });
});

describe("implausible measurements", () => {
  const throughput = (runId: string, fields: Record<string, unknown>) => ({
    runId,
    network: "testnet",
    kind: "offchain_burst",
    startedAt,
    messages: 1000,
    ...fields,
  });

  it("a rate, a duration or a latency no measurement can have is a 400 naming it, and nothing is stored", async () => {
    const before = await storedRuns();
    await expectRefused(
      await post(throughputEndpoint, throughput("rps-huge", { peakRps: 1e308 })),
      "peakRps",
    );
    await expectRefused(
      await post(throughputEndpoint, throughput("tiny-duration", { durationS: 1e-300 })),
      "durationS",
    );
    await expectRefused(
      await post(throughputEndpoint, throughput("derived-rate", { durationS: 1, messages: 1e12 })),
      "messages",
    );
    await expectRefused(
      await post(benchmarksEndpoint, benchmark("latency-huge", { durationsMs: [10, 1e308] })),
      "results.0.durationsMs.1",
    );
    expect(await storedRuns()).toBe(before);
  });

  it("a plausible burst is stored as sent", async () => {
    const response = await post(
      throughputEndpoint,
      throughput("plausible", { peakRps: 3500, durationS: 60 }),
    );
    expect(response.status).toBe(201);
  });
});

describe("the declared charset", () => {
  const postBytes = (bytes: Uint8Array, type: string) =>
    forkChecksEndpoint(
      new Request("http://dashboard/api/ingest/fork-checks", {
        method: "POST",
        headers: { "content-type": type, authorization: `Bearer ${token}` },
        body: new Blob([new Uint8Array(bytes)]),
      }),
      { db: test.handle.db, env: test.env },
    );

  it("decodes a latin1 body as latin1", async () => {
    const body = Buffer.from(JSON.stringify(forkCheck("latin1", { details: { note: "café" } })), "latin1");
    expect((await postBytes(body, "application/json; charset=latin1")).status).toBe(201);
    const [row] = (
      await test.handle.db.execute<{ note: string }>(
        sql`select details->>'note' as note from fork_checks where run_id = 'latin1'`,
      )
    ).rows;
    expect(row?.note).toBe("café");
  });

  it("refuses a charset it cannot decode with 415, and bytes that are not UTF-8 with 400", async () => {
    const body = Buffer.from(JSON.stringify(forkCheck("charset-x")));
    const unknown = await postBytes(body, "application/json; charset=klingon");
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).error.message).toContain('"klingon"');
    const invalid = Buffer.concat([
      Buffer.from('{"runId":"bad-utf8","note":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    const refused = await postBytes(invalid, "application/json");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("invalid_encoding");
  });
});

describe("an XML report's own encoding", () => {
  it("decodes a JUnit report in the encoding its declaration names when the Content-Type names none", async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><testsuites><testsuite name="s" timestamp="2026-11-20T10:00:00Z"><testcase name="crée un groupe" time="0.1"/></testsuite></testsuites>`;
    const response = await integrationTestsEndpoint(
      new Request(
        "http://dashboard/api/ingest/integration-tests?runId=latin1-junit&suite=s&sdk=node&network=testnet",
        {
          method: "POST",
          headers: { "content-type": "application/xml", authorization: `Bearer ${token}` },
          body: new Blob([new Uint8Array(Buffer.from(xml, "latin1"))]),
        },
      ),
      { db: test.handle.db, env: test.env },
    );
    expect(response.status).toBe(201);
    const [row] = (
      await test.handle.db.execute<{ name: string }>(
        sql`select c.name from integration_test_cases c join integration_test_runs r on r.id = c.run_id where r.run_id = 'latin1-junit'`,
      )
    ).rows;
    expect(row?.name).toBe("crée un groupe");
  });
});
