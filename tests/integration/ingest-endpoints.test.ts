import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken } from "@/db/mutations/tokens";
import { benchmarkResults } from "@/db/schema";
import { benchmarksEndpoint, forkChecksEndpoint } from "@/server/ingest/endpoints";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["benchmarks", "forks"]));
});
afterAll(() => test?.drop());

const post = (
  endpoint: typeof benchmarksEndpoint,
  body: unknown,
  init: { token?: string | null; type?: string } = {},
) => {
  const headers: Record<string, string> = { "content-type": init.type ?? "application/json" };
  const bearer = init.token === undefined ? token : init.token;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const request = new Request("http://dashboard/api/ingest", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return endpoint(request, { db: test.handle.db, env: test.env });
};

const benchmark = (runId: string) => ({
  runId,
  source: "xmtp-qa-tools",
  network: "testnet",
  region: "us-east",
  sdk: "node",
  startedAt: "2026-11-20T10:00:00Z",
  finishedAt: "2026-11-20T10:05:00+00:00",
  results: [
    { operation: "groupsync-10", durationsMs: [80, 90, 100, 110, 70] },
    { operation: "newGroup-100", summary: { count: 20, p50: 1800, p95: 2300 } },
    { operation: "mysteryOp", durationsMs: [5] },
  ],
});

describe("POST /api/ingest/benchmarks", () => {
  it("stores a run, maps QA test ids to roadmap keys, and lists what it could not map", async () => {
    const response = await post(benchmarksEndpoint, benchmark("run-1"));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.unmapped).toEqual(["mysteryOp"]);
    const mapped = Object.fromEntries(
      body.results.map((r: { operation: string; metricKey: string | null }) => [r.operation, r.metricKey]),
    );
    expect(mapped).toEqual({
      "groupsync-10": "sync_group",
      "newGroup-100": "create_group_100",
      mysteryOp: null,
    });
    const rows = await test.handle.db.select().from(benchmarkResults).orderBy(benchmarkResults.id);
    expect(rows[0]).toMatchObject({ operation: "groupsync-10", count: 5, minMs: 70, maxMs: 110, meanMs: 90 });
    expect(rows[1]).toMatchObject({
      operation: "newGroup-100",
      count: 20,
      p50Ms: 1800,
      p95Ms: 2300,
      histogram: null,
    });
  });

  it("answers 200 with the stored record for the same run again, and 409 for another body under its runId", async () => {
    const replay = await post(benchmarksEndpoint, benchmark("run-1"));
    expect(replay.status).toBe(200);
    expect((await replay.json()).runId).toBe("run-1");
    const changed = { ...benchmark("run-1"), region: "eu-west" };
    const conflict = await post(benchmarksEndpoint, changed);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe("conflict");
  });

  it("names each bad field in one error shape (400)", async () => {
    const response = await post(benchmarksEndpoint, {
      ...benchmark("run-bad"),
      startedAt: "2026-11-20T10:00:00",
      finishedAt: "2026-11-20T09:00:00Z",
      results: [{ operation: "sync-10", durationsMs: [-1, 5] }],
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_body");
    const paths = error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toContain("startedAt");
    expect(paths).toContain("results.0.durationsMs.0");
  });

  it("refuses a run that finishes before it starts", async () => {
    const response = await post(benchmarksEndpoint, {
      ...benchmark("run-time"),
      finishedAt: "2026-11-20T09:00:00Z",
    });
    expect((await response.json()).error.issues).toEqual([
      { path: "finishedAt", message: "must not be before startedAt" },
    ]);
  });

  it("answers 401 without or with an unknown token, 403 without the scope, 415 and 400 for bad bodies", async () => {
    expect((await post(benchmarksEndpoint, benchmark("x"), { token: null })).status).toBe(401);
    expect((await post(benchmarksEndpoint, benchmark("x"), { token: "xdm_unknown" })).status).toBe(401);
    const { token: probesOnly } = await createIngestToken(test.handle.db, {
      name: "prober",
      scopes: ["probes"],
      actor: "test",
    });
    expect((await post(benchmarksEndpoint, benchmark("x"), { token: probesOnly })).status).toBe(403);
    expect((await post(benchmarksEndpoint, "<xml/>", { type: "application/xml" })).status).toBe(415);
    const notJson = await post(benchmarksEndpoint, "{nope");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_json");
  });

  it("answers 413 for a body over the limit, without reading it all", async () => {
    const huge = JSON.stringify({ ...benchmark("big"), padding: "x".repeat(test.env.INGEST_MAX_BODY_BYTES) });
    const response = await post(benchmarksEndpoint, huge);
    expect(response.status).toBe(413);
  });
});

describe("POST /api/ingest/fork-checks", () => {
  it("stores a check once and rejects more forked groups than checked", async () => {
    const check = {
      runId: "fork-1",
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      groupsChecked: 200,
      forkedGroups: 0,
    };
    expect((await post(forkChecksEndpoint, check)).status).toBe(201);
    expect((await post(forkChecksEndpoint, check)).status).toBe(200);
    const bad = await post(forkChecksEndpoint, { ...check, runId: "fork-2", forkedGroups: 201 });
    expect((await bad.json()).error.issues).toEqual([
      { path: "forkedGroups", message: "cannot exceed groupsChecked" },
    ]);
  });
});

describe("strings Postgres cannot store", () => {
  it("refuses U+0000 and lone surrogates anywhere in a body with a 400 naming the field, storing nothing", async () => {
    const before = await test.handle.db.$count(benchmarkResults);
    const nul = await post(benchmarksEndpoint, { ...benchmark("run-nul"), source: "qa\u0000tools" });
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.issues).toEqual([
      { path: "source", message: "must not contain U+0000 or a lone UTF-16 surrogate" },
    ]);
    const surrogate = await post(
      forkChecksEndpoint,
      '{"runId":"fork-s","network":"testnet","startedAt":"2026-11-20T10:00:00Z","groupsChecked":1,"forkedGroups":0,"details":{"note":"\\ud800"}}',
    );
    expect(surrogate.status).toBe(400);
    expect((await surrogate.json()).error.issues[0].path).toBe("details.note");
    expect(await test.handle.db.$count(benchmarkResults)).toBe(before);
  });

  it("refuses a body nested thousands deep with a 400, not a stack overflow", async () => {
    const deep = `{"runId":"fork-deep","network":"testnet","startedAt":"2026-11-20T10:00:00Z","groupsChecked":1,"forkedGroups":0,"details":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const response = await post(forkChecksEndpoint, deep);
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].message).toBe("is nested deeper than 32 levels");
  });
});

describe("the per-token rate limit", () => {
  const limitedToken = async (name: string) =>
    (await createIngestToken(test.handle.db, { name, scopes: ["forks"], actor: "test" })).token;
  /** A fork check pushed with `bearer` at time `at`, two requests a minute allowed. */
  const sendAt = (bearer: string, runId: string, at: string) =>
    forkChecksEndpoint(
      new Request("http://dashboard/api/ingest/fork-checks", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
        body: JSON.stringify({
          runId,
          network: "testnet",
          startedAt: "2026-11-20T10:00:00Z",
          groupsChecked: 1,
          forkedGroups: 0,
        }),
      }),
      { db: test.handle.db, env: { ...test.env, INGEST_RATE_LIMIT_PER_MIN: 2 }, now: () => new Date(at) },
    );

  it("answers 429 with Retry-After past the limit, and stores nothing more", async () => {
    const limited = await limitedToken("limited");
    const send = (runId: string) => sendAt(limited, runId, "2026-11-22T10:00:30Z");
    expect((await send("rl-1")).status).toBe(201);
    expect((await send("rl-2")).status).toBe(201);
    const refused = await send("rl-3");
    expect(refused.status).toBe(429);
    // Sliding window: the refused request is not counted; the two accepted ones weigh 2 × (1 − f)
    // in the next minute, leaving room for one more halfway into it: 60 s from now.
    expect(refused.headers.get("retry-after")).toBe("60");
    const stored = await test.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from fork_checks where run_id like 'rl-%'`,
    );
    expect(stored.rows[0]?.n).toBe(2);
    expect((await sendAt(limited, "rl-4", "2026-11-22T10:01:30Z")).status).toBe(201);
  });

  it("counts a burst on each side of a minute boundary together (a sliding window)", async () => {
    const bursty = await limitedToken("bursty");
    const send = (runId: string, at: string) => sendAt(bursty, runId, at);
    expect((await send("burst-1", "2026-11-22T11:00:59.000Z")).status).toBe(201);
    expect((await send("burst-2", "2026-11-22T11:00:59.500Z")).status).toBe(201);
    const refused = await send("burst-3", "2026-11-22T11:01:00.500Z");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    // Retrying when told to is let through (a refused request counted would have refused it again).
    expect((await send("burst-retry", "2026-11-22T11:01:30.500Z")).status).toBe(201);
    // A minute after the burst, the token may push again.
    expect((await send("burst-4", "2026-11-22T11:02:40.000Z")).status).toBe(201);
  });
});

describe("failed authentications from one address", () => {
  const sendFrom = (bearer: string, headers: Record<string, string>, env: Partial<typeof test.env> = {}) =>
    forkChecksEndpoint(
      new Request("http://dashboard/api/ingest/fork-checks", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}`, ...headers },
        body: "{}",
      }),
      {
        db: test.handle.db,
        env: { ...test.env, INGEST_AUTH_FAILURES_PER_MIN: 2, ...env },
        now: () => new Date("2026-11-22T12:00:10Z"),
      },
    );

  it("answer 429 past the limit, while a valid token from the same address still gets through", async () => {
    // The production server puts the connection's address in X-Client-Address; the client cannot
    // escape the count by sending a different X-Forwarded-For each time.
    const from = (address: string, n: number) => ({
      "x-client-address": address,
      "x-forwarded-for": `10.9.9.${n}`,
    });
    expect((await sendFrom("xdm_wrong1", from("203.0.113.7", 1))).status).toBe(401);
    expect((await sendFrom("xdm_wrong2", from("203.0.113.7", 2))).status).toBe(401);
    const refused = await sendFrom("xdm_wrong3", from("203.0.113.7", 3));
    expect(refused.status).toBe(429);
    // Three failures this minute weigh 3 × (1 − f) in the next; one more fits at two thirds into it.
    expect(refused.headers.get("retry-after")).toBe("90");
    expect((await sendFrom("xdm_wrong4", from("198.51.100.9", 4))).status).toBe(401); // another address
    expect((await sendFrom(token, from("203.0.113.7", 5))).status).toBe(400); // authenticated: judged on its body
  });

  it("behind trusted proxies, takes the address the first of them saw, not what the client wrote", async () => {
    const hops = { TRUSTED_PROXY_HOPS: 1 };
    const via = (spoofed: string) => ({ "x-forwarded-for": `${spoofed}, 192.0.2.44` });
    expect((await sendFrom("xdm_p1", via("1.1.1.1"), hops)).status).toBe(401);
    expect((await sendFrom("xdm_p2", via("2.2.2.2"), hops)).status).toBe(401);
    expect((await sendFrom("xdm_p3", via("3.3.3.3"), hops)).status).toBe(429);
  });
});
