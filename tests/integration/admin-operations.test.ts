import { parseFeed } from "@rowanmanning/feed-parser";
import { desc, eq } from "drizzle-orm";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProbes } from "@/db/mutations/probes";
import { runRollups } from "@/db/mutations/rollups";
import { authenticateIngestToken } from "@/db/mutations/tokens";
import { getIncidents } from "@/db/queries/incidents";
import { getRegistryNode } from "@/db/queries/nodes";
import { availabilityByNode } from "@/db/queries/uptime";
import { auditLog, criterionEvaluations, incidents, maintenanceWindows } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { ProbeInput } from "@/lib/probe/record";
import type { AdminContext } from "@/server/admin/http";
import { postNodeFacts } from "@/server/admin/nodes";
import { postIncident, postIncidentUpdate, postMaintenance } from "@/server/admin/operations";
import { postNonce, postSession } from "@/server/admin/sign-in";
import { postToken, postTokenRevoke } from "@/server/admin/tokens";
import { incidentsFeed } from "@/server/changelog/feed";
import { evaluateAll } from "@/server/jobs/evaluate";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const SITE = "http://dashboard.test";
const MIN = 60_000;
const HOUR = 3_600_000;
const team = privateKeyToAccount(generatePrivateKey());
let test: TestDatabase;
let cookie: string;
const now = new Date();
// A whole UTC hour two hours back: node 200 is down in its minutes 10-19, seen from every region.
const T = Math.floor(now.getTime() / HOUR) * HOUR - 2 * HOUR;
const context = (): AdminContext => ({ db: test.handle.db, env: test.env, now });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, cookie, ...headers },
    body: JSON.stringify(body),
  });
const count = async () => ({
  incidents: (await test.handle.db.select().from(incidents)).length,
  maintenance: (await test.handle.db.select().from(maintenanceWindows)).length,
  audit: (await test.handle.db.select().from(auditLog)).length,
});

beforeAll(async () => {
  test = await createTestDatabase({ ADMIN_ADDRESSES: team.address, TESTNET_RPC_URL: "http://127.0.0.1:9" });
  const db = test.handle.db;
  await seedDatabase(db, test.env);
  await insertNodes(db, "testnet", [{ nodeId: 200, registeredAt: new Date(T - 30 * 86_400_000) }]);
  for (const region of ["us-east", "eu-west", "ap-south"]) {
    const rows: ProbeInput[] = Array.from({ length: 30 }, (_, minute) => ({
      nodeId: 200,
      at: new Date(T + minute * MIN + 10_000),
      outcome: minute >= 10 && minute < 20 ? "down" : "up",
      latencyMs: minute >= 10 && minute < 20 ? null : 40,
    }));
    await insertProbes(db, { network: "testnet", region, source: "local" }, rows);
  }
  await runRollups(db, { now });
  const nonce = (await (await postNonce(post("/api/admin/nonce", {}), context())).json()).nonce;
  const message = createSiweMessage({
    address: team.address,
    domain: "dashboard.test",
    uri: SITE,
    chainId: 84532,
    version: "1",
    nonce,
    issuedAt: now,
  });
  const signed = await postSession(
    post("/api/admin/session", { message, signature: await team.signMessage({ message }) }),
    context(),
  );
  cookie = (signed.headers.get("set-cookie") ?? "").split(";")[0] as string;
}, 60_000);

afterAll(() => test?.drop());

const window = { from: new Date(T), to: new Date(T + 30 * MIN) };
const latestVerdict = async (key: string) =>
  (
    await test.handle.db
      .select()
      .from(criterionEvaluations)
      .where(eq(criterionEvaluations.criterionKey, key))
      .orderBy(desc(criterionEvaluations.evaluatedAt))
      .limit(1)
  )[0];

describe("maintenance windows", () => {
  it("announced over a past outage, take it out of the node's availability at once, audited", async () => {
    const [before] = await availabilityByNode(test.handle.db, "testnet", window, now, { nodeId: 200 });
    expect(before).toMatchObject({ up: 20, down: 10, maintenance: 0 });
    await evaluateAll(test.handle.db, { now: new Date(now.getTime() - MIN) });
    const judgedBefore = await latestVerdict("node_reliability");
    const response = await postMaintenance(
      post("/api/admin/maintenance", {
        network: "testnet",
        nodeId: 200,
        title: "Disk replacement",
        startsAt: new Date(T + 10 * MIN).toISOString(),
        endsAt: new Date(T + 20 * MIN).toISOString(),
      }),
      context(),
    );
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await response.json()).toMatchObject({ announcedBeforeStart: false });
    const [after] = await availabilityByNode(test.handle.db, "testnet", window, now, { nodeId: 200 });
    expect(after).toMatchObject({ up: 20, down: 0, maintenance: 10, availability: 1 });
    // The availability target is judged again at once, without the maintained minutes.
    const judgedAfter = await latestVerdict("node_reliability");
    expect(judgedAfter?.evaluatedAt).toEqual(now);
    expect(judgedAfter?.measured).toBeGreaterThan(judgedBefore?.measured as number);
    const [entry] = await test.handle.db.select().from(auditLog);
    expect(entry).toMatchObject({
      actor: team.address,
      action: "maintenance.announce",
      entityType: "maintenance",
    });
  });

  it("refuses one that ends before it starts, on a network not collected, on an unknown node, or without a session", async () => {
    const stored = await count();
    const good = {
      network: "testnet",
      title: "Upgrade",
      startsAt: new Date(now.getTime() + HOUR).toISOString(),
      endsAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
    };
    const cases: [unknown, number, RegExp][] = [
      [{ ...good, endsAt: good.startsAt }, 400, /endsAt/],
      [{ ...good, network: "local" }, 400, /local is not one this dashboard collects/],
      [{ ...good, nodeId: 999 }, 400, /no node 999 on testnet/],
      [{ ...good, startsAt: "tomorrow" }, 400, /startsAt/],
    ];
    for (const [body, status, message] of cases) {
      const response = await postMaintenance(post("/api/admin/maintenance", body), context());
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(await response.json())).toMatch(message);
    }
    const anonymous = await postMaintenance(post("/api/admin/maintenance", good, { cookie: "" }), context());
    expect(anonymous.status).toBe(401);
    expect(await count()).toEqual(stored);
  });
});

describe("incidents", () => {
  let id: number;

  it("opens an incident with its markdown, then takes updates to resolution, each audited and public", async () => {
    const opened = await postIncident(
      post("/api/admin/incidents", {
        network: "testnet",
        nodeIds: [200],
        title: "Node 200 unreachable",
        severity: "major",
        status: "investigating",
        startedAt: new Date(T + 10 * MIN).toISOString(),
        body: "Looking into it. <script>alert(1)</script> [details](javascript:alert(1))",
      }),
      context(),
    );
    expect(opened.status, await opened.clone().text()).toBe(201);
    id = (await opened.json()).id;
    const resolved = await postIncidentUpdate(
      post(`/api/admin/incidents/${id}`, { status: "resolved", body: "Disk replaced; **back up**." }),
      context(),
      String(id),
    );
    expect(resolved.status, await resolved.clone().text()).toBe(201);
    const [incident] = await getIncidents(test.handle.db, { network: "testnet", nodeId: 200, limit: 5 });
    expect(incident).toMatchObject({ id, status: "resolved", resolvedAt: now, severity: "major" });
    expect(incident?.updates.map((update) => [update.status, update.createdBy])).toEqual([
      ["investigating", team.address],
      ["resolved", team.address],
    ]);
    const actions = (await test.handle.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["incident.open", "incident.update"]));

    const feed = parseFeed(
      await (await incidentsFeed(new Request(`${SITE}/incidents.xml`), test.handle.db)).text(),
    );
    expect(feed.meta.type).toBe("atom");
    expect(feed.items[0]?.title).toBe("Node 200 unreachable (major, resolved)");
    expect(feed.items[0]?.description).toContain("resolved: Disk replaced; **back up**.");
  });

  it("refuses a resolution before the start, an unknown incident and a bad body, storing nothing", async () => {
    const stored = await count();
    const early = await postIncidentUpdate(
      post(`/api/admin/incidents/${id}`, {
        status: "resolved",
        body: "x",
        resolvedAt: new Date(T).toISOString(),
      }),
      context(),
      String(id),
    );
    expect(early.status).toBe(400);
    expect(
      (
        await postIncidentUpdate(
          post("/api/admin/incidents/999", { status: "monitoring", body: "x" }),
          context(),
          "999",
        )
      ).status,
    ).toBe(404);
    const bad = await postIncident(
      post("/api/admin/incidents", { network: "testnet", title: "", severity: "huge" }),
      context(),
    );
    expect(bad.status).toBe(400);
    const incident = {
      network: "testnet",
      title: "Two nodes",
      severity: "minor",
      status: "investigating",
      startedAt: new Date(T).toISOString(),
      body: "x",
    };
    for (const [nodeIds, message] of [
      [[200, 999], /nodeIds: there is no node 999 on testnet/],
      [[200, 200], /names a node twice/],
      [Array.from({ length: 101 }, (_, i) => i + 1), /at most 100 nodes/],
      [["node 200"], /nodeIds/],
    ] as const) {
      const refused = await postIncident(post("/api/admin/incidents", { ...incident, nodeIds }), context());
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toMatch(message);
    }
    // The single node field of a maintenance window is no incident's.
    const single = await postIncident(post("/api/admin/incidents", { ...incident, nodeId: 200 }), context());
    expect(single.status).toBe(400);
    expect(await count()).toEqual(stored);
  });

  it("may name several nodes: each node's page and day bars count it, the feed says which", async () => {
    await insertNodes(test.handle.db, "testnet", [{ nodeId: 201 }, { nodeId: 202 }]);
    const opened = await postIncident(
      post("/api/admin/incidents", {
        network: "testnet",
        nodeIds: [202, 201],
        title: "Two nodes behind",
        severity: "minor",
        status: "investigating",
        startedAt: new Date(T + 5 * MIN).toISOString(),
        body: "Both fell behind after the same release.",
      }),
      context(),
    );
    expect(opened.status, await opened.clone().text()).toBe(201);
    const { id: both } = await opened.json();
    for (const nodeId of [201, 202]) {
      const listed = await getIncidents(test.handle.db, { network: "testnet", nodeId, limit: 5 });
      expect(listed.find((one) => one.id === both)?.nodeIds).toEqual([201, 202]);
    }
    const [elsewhere] = await getIncidents(test.handle.db, { network: "testnet", nodeId: 200, limit: 5 });
    expect(elsewhere?.id).not.toBe(both);
    const [audited] = await test.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityKey, String(both)));
    expect(audited?.after).toMatchObject({ nodeIds: [201, 202] });
    const feed = parseFeed(
      await (await incidentsFeed(new Request(`${SITE}/incidents.xml`), test.handle.db)).text(),
    );
    expect(feed.items.find((item) => item.title?.startsWith("Two nodes behind"))?.description).toContain(
      "Affects nodes 201 and 202 on testnet",
    );
  });
});

describe("ingest tokens", () => {
  it("creates a token shown once that works at once, refuses its name again, and revokes it for good", async () => {
    const created = await postToken(
      post("/api/admin/tokens", { name: "qa-runner", scopes: ["tests", "tests"] }),
      context(),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const { token, scopes } = await created.json();
    expect(token).toMatch(/^xdm_/);
    expect(scopes).toEqual(["tests"]);
    expect(await authenticateIngestToken(test.handle.db, token, "tests")).toMatchObject({
      ok: true,
      name: "qa-runner",
    });
    const again = await postToken(
      post("/api/admin/tokens", { name: "qa-runner", scopes: ["forks"] }),
      context(),
    );
    expect(again.status).toBe(409);
    const revoked = await postTokenRevoke(post("/api/admin/tokens/revoke", { name: "qa-runner" }), context());
    expect(revoked.status).toBe(200);
    expect((await authenticateIngestToken(test.handle.db, token, "tests")).ok).toBe(false);
    expect(
      (await postTokenRevoke(post("/api/admin/tokens/revoke", { name: "qa-runner" }), context())).status,
    ).toBe(404);
    const actions = (await test.handle.db.select().from(auditLog)).map((row) => [row.action, row.actor]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["token.create", team.address],
        ["token.revoke", team.address],
      ]),
    );
  });

  it("refuses a bad name or scope, and any of it without a session", async () => {
    const bad = await postToken(
      post("/api/admin/tokens", { name: "Has Spaces", scopes: ["everything"] }),
      context(),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "name",
      "scopes.0",
    ]);
    const anonymous = await postToken(
      post("/api/admin/tokens", { name: "x", scopes: ["tests"] }, { cookie: "" }),
      context(),
    );
    expect(anonymous.status).toBe(401);
  });
});

describe("node facts", () => {
  const facts = async () =>
    (await getRegistryNode(test.handle.db, { network: "testnet", nodeId: 200 }))?.node.facts;
  const set = (body: unknown, node = "200", network = "testnet") =>
    postNodeFacts(post(`/api/admin/nodes/${network}/${node}`, body), context(), network, node);

  it("sets what the chain lacks, shown as set by the team, and an empty value clears it", async () => {
    const response = await set({
      operatorName: "Polar Relay GmbH",
      country: "DE",
      website: "https://polar.example",
    });
    expect(await response.json()).toEqual({ changed: true });
    expect(await facts()).toMatchObject({
      operator: { value: "Polar Relay GmbH", setByTeam: true },
      country: { value: "DE", setByTeam: true },
      website: { value: "https://polar.example", setByTeam: true },
      region: { value: null, setByTeam: false },
    });
    await set({ country: "" });
    expect((await facts())?.country).toEqual({ value: null, setByTeam: false, fromMetadata: null });
    expect((await facts())?.operator.setByTeam).toBe(true);
    const changes = (await test.handle.db.select().from(auditLog)).filter(
      (row) => row.action === "node.update",
    );
    expect(changes.map((row) => row.after)).toEqual([
      { operatorName: "Polar Relay GmbH", country: "DE", website: "https://polar.example" },
      { country: null },
    ]);
  });

  it("refuses a country that is no ISO code, a website that is not https, an unknown node or network", async () => {
    const before = await facts();
    expect((await set({ country: "Germany" })).status).toBe(400);
    expect((await set({ website: "http://polar.example" })).status).toBe(400);
    expect((await set({ website: "javascript:alert(1)" })).status).toBe(400);
    expect((await set({ region: "x" }, "999")).status).toBe(404);
    expect((await set({ region: "x" }, "200", "local")).status).toBe(404);
    expect(await facts()).toEqual(before);
  });
});
