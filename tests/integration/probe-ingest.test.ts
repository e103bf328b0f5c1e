import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestToken } from "@/db/mutations/tokens";
import { probesEndpoint } from "@/server/ingest/endpoints";
import { callEndpoint, setUpIngest } from "../support/ingest";
import { insertNodes } from "../support/nodes";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const now = new Date();
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString();

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["probes"]));
  await insertNodes(test.handle.db, "testnet", [{ nodeId: 100 }, { nodeId: 200 }, { nodeId: 300 }]);
  await insertNodes(test.handle.db, "mainnet", [{ nodeId: 100 }]);
});
afterAll(() => test?.drop());

const post = (body: unknown, init: { token?: string | null; type?: string } = {}) =>
  callEndpoint(probesEndpoint, test, body, {
    token: init.token === undefined ? token : init.token,
    type: init.type,
  });

const batch = (probes: unknown[], network = "testnet") => ({ network, region: "eu-west", probes });
const probe = (nodeId: number, secondsAgo: number, extra: Record<string, unknown> = {}) => ({
  nodeId,
  at: at(secondsAgo),
  outcome: "up",
  latencyMs: 42.5,
  version: "v0.5.1",
  httpStatus: 200,
  grpcStatus: 0,
  ...extra,
});

const count = async () =>
  Number(
    (await test.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from probes`)).rows[0]?.n,
  );

describe("POST /api/ingest/probes", () => {
  it("stores a batch from another region, and stores a re-sent batch once", async () => {
    const body = batch([
      probe(100, 60),
      probe(200, 60, {
        outcome: "down",
        latencyMs: null,
        errorClass: "timeout",
        error: "no answer within 5000 ms",
      }),
      probe(300, 60, { cursor: { 0: "10", 100: "18446744073709551615" } }),
    ]);
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      network: "testnet",
      region: "eu-west",
      received: 3,
      stored: 3,
      duplicates: 0,
    });
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 3 });
    expect(await count()).toBe(3);
    const stored = await test.handle.db.execute<{
      node_id: number;
      source: string;
      error_class: string | null;
    }>(sql`select node_id, source, error_class from probes order by node_id`);
    expect(stored.rows).toEqual([
      { node_id: 100, source: "remote", error_class: null },
      { node_id: 200, source: "remote", error_class: "timeout" },
      { node_id: 300, source: "remote", error_class: null },
    ]);
    const cursor = await test.handle.db.execute<{ cursor: Record<string, string> }>(
      sql`select cursor from node_cursor_snapshots where node_id = 300`,
    );
    expect(cursor.rows[0]?.cursor).toEqual({ 0: "10", 100: "18446744073709551615" });
  });

  it("answers 401 without a token and 403 with a token of another scope", async () => {
    expect((await post(batch([probe(100, 10)]), { token: null })).status).toBe(401);
    const other = await createIngestToken(test.handle.db, {
      name: "bench",
      scopes: ["benchmarks"],
      actor: "test",
    });
    const refused = await post(batch([probe(100, 10)]), { token: other.token });
    expect(refused.status).toBe(403);
    expect(await count()).toBe(3);
  });

  it("answers 400 naming the field of a bad probe, and stores none of the batch", async () => {
    const response = await post(
      batch([probe(100, 20), probe(200, 20, { outcome: "sideways" }), probe(300, 20, { latencyMs: -1 })]),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "probes.1.outcome",
      "probes.2.latencyMs",
    ]);
    expect(await count()).toBe(3);
  });

  it("answers 400, not 500, for values the columns cannot hold: a node id past int4, a NUL in a version", async () => {
    const huge = await post(batch([probe(2 ** 31, 20)]));
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.issues[0].path).toBe("probes.0.nodeId");
    const nul = await post(batch([probe(100, 21, { version: "v1\u0000" })]));
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.issues[0].path).toBe("probes.0.version");
    expect(await count()).toBe(3);
  });

  it("rejects a probe of a node the registry does not know on that network, by its index", async () => {
    const response = await post(batch([probe(100, 30), probe(200, 30), probe(999, 30)]));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues).toEqual([
      { path: "probes.2.nodeId", message: "node 999 is not in the testnet registry" },
    ]);
    // Node 200 exists on testnet, not on mainnet.
    const mainnet = await post(batch([probe(100, 30), probe(200, 30)], "mainnet"));
    expect((await mainnet.json()).error.issues[0].path).toBe("probes.1.nodeId");
    expect(await count()).toBe(3);
  });

  it("refuses probes from the future and older than raw retention", async () => {
    const response = await post(batch([probe(100, -3600), probe(200, 15 * 86_400)]));
    const { error } = await response.json();
    expect(
      error.issues.map((issue: { path: string; message: string }) => `${issue.path}: ${issue.message}`),
    ).toEqual([
      "probes.0.at: is in the future (more than 5 minutes ahead)",
      "probes.1.at: is older than raw-probe retention (14 days)",
    ]);
  });

  it("answers 413 above the size limit and 400 above 5,000 probes", async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ nodeId: 100, at: at(i), outcome: "up" }));
    const tooMany = await post(batch(many));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.issues).toEqual([
      { path: "probes", message: "at most 5000 probes per request" },
    ]);
    const huge = JSON.stringify(
      batch(Array.from({ length: 600 }, (_, i) => probe(100, 40 + i, { error: "x".repeat(2000) }))),
    );
    expect(huge.length).toBeGreaterThan(test.env.INGEST_MAX_BODY_BYTES);
    expect((await post(huge)).status).toBe(413);
    expect(await count()).toBe(3);
  });

  it("counts 5,000 probes as one request within the limit", async () => {
    const probes = Array.from({ length: 5000 }, (_, i) => ({
      nodeId: [100, 200, 300][i % 3],
      at: at(100 + Math.floor(i / 3)),
      outcome: "up",
    }));
    const response = await post(batch(probes));
    expect(response.status).toBe(201);
    expect((await response.json()).stored).toBe(5000);
  });
});
