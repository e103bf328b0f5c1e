import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { guarded } from "@/server/api/guard";
import { getIncidentsApi } from "@/server/api/incidents-api";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
const now = new Date("2026-12-01T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const get = (query = "", headers: Record<string, string> = {}) =>
  new Request(`http://dashboard.test/api/v1/incidents${query}`, { headers });
// The route as Next runs it: the guard makes a GET's answer conditional.
const route = guarded((request: Request) =>
  getIncidentsApi(request, { db: test.handle.db, now, env: test.env }),
);

beforeAll(async () => {
  test = await createTestDatabase({ XMTP_NETWORKS: "testnet" });
  await seedDatabase(test.handle.db, test.env);
  await test.handle.db.insert(incidents).values([
    {
      network: "testnet",
      nodeIds: [200],
      title: "Node 200 down",
      body: "Looking",
      severity: "major",
      status: "resolved",
      startedAt: hoursAgo(30),
      resolvedAt: hoursAgo(29),
      createdBy: "0xteam",
    },
    {
      network: "testnet",
      nodeIds: [],
      title: "Sync slow, network-wide",
      body: "Slow",
      severity: "minor",
      status: "investigating",
      startedAt: hoursAgo(2),
      createdBy: "0xteam",
    },
    {
      network: "testnet",
      nodeIds: [300, 400],
      title: 'Two nodes, "quoted", with a comma',
      body: "x",
      severity: "critical",
      status: "monitoring",
      startedAt: hoursAgo(5),
      createdBy: "0xteam",
    },
  ]);
});
afterAll(() => test?.drop());

describe("GET /api/v1/incidents", () => {
  it("lists a network's incidents, open ones first, with their nodes and updates", async () => {
    const response = await route(get());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.network).toBe("testnet");
    expect(body.incidents.map((incident: { title: string }) => incident.title)).toEqual([
      "Sync slow, network-wide",
      'Two nodes, "quoted", with a comma',
      "Node 200 down",
    ]);
    expect(body.incidents[1]).toMatchObject({
      nodeIds: [300, 400],
      severity: "critical",
      resolvedAt: null,
      updates: [],
    });
  });

  it("filters by status and node (a node's own and the whole network's), and limits", async () => {
    const titles = async (query: string) =>
      (await (await route(get(query))).json()).incidents.map((incident: { title: string }) => incident.title);
    expect(await titles("?status=resolved")).toEqual(["Node 200 down"]);
    expect(await titles("?status=open")).toHaveLength(2);
    expect(await titles("?node=200")).toEqual(["Sync slow, network-wide", "Node 200 down"]);
    expect(await titles("?limit=1")).toEqual(["Sync slow, network-wide"]);
  });

  it("answers CSV with one row an incident, quoting what needs it", async () => {
    const response = await route(get("?format=csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,network,nodeIds,title,severity,status,startedAt,resolvedAt,updatedAt,updates");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('"Two nodes, ""quoted"", with a comma"');
    expect(lines[2]).toContain(",300 400,");
  });

  it("refuses a bad query with a 400 naming the parameter", async () => {
    for (const [query, name] of [
      ["?status=closed", "status"],
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
      ["?node=-1", "node"],
      ["?network=mainnet", "network"],
      ["?format=xml", "format"],
      ["?color=red", "query"],
    ]) {
      const response = await route(get(query));
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toMatch(new RegExp(`^${name}`));
    }
  });

  it("carries an ETag, answers 304 to If-None-Match while nothing changed, and a new one once it has", async () => {
    const first = await route(get());
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]{32}"$/);
    // No clock time in the answer: an hour later, unchanged incidents keep their tag.
    const later = guarded((request: Request) =>
      getIncidentsApi(request, { db: test.handle.db, now: hoursAgo(-1), env: test.env }),
    );
    const again = await later(get("", { "if-none-match": etag as string }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    // Another representation, another tag.
    const csv = await route(get("?format=csv", { "if-none-match": etag as string }));
    expect(csv.status).toBe(200);
    await test.handle.db.insert(incidents).values({
      network: "testnet",
      nodeIds: [],
      title: "New",
      body: "x",
      severity: "minor",
      status: "investigating",
      startedAt: hoursAgo(1),
      createdBy: "0xteam",
    });
    const changed = await route(get("", { "if-none-match": etag as string }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    // A refusal is never made conditional.
    const refused = await route(get("?limit=0", { "if-none-match": "*" }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("etag")).toBeNull();
  });
});
