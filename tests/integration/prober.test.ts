import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probes } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { ProbeClient } from "@/lib/probe/client";
import { startProber } from "@/server/jobs/prober";
import { type SimulatedNode, startSimulatedNodes } from "../../simulation/xmtpd-node";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// Simulated xmtpd nodes on loopback: 8 that answer at once and 2 that accept and never answer.
let nodes: SimulatedNode[];
let test: TestDatabase;
let client: ProbeClient;
const HEALTHY = [100, 200, 300, 400, 500, 600, 700, 800];
const HANGING = [900, 1000];

beforeAll(async () => {
  nodes = await startSimulatedNodes(10, (i) => ({ behaviour: i < 8 ? "healthy" : "hang" }));
  test = await createTestDatabase({
    PROBE_ALLOW_PRIVATE: "1",
    PROBE_INTERVAL_S: "5",
    PROBE_TIMEOUT_MS: "6000", // longer than the interval: a hanging node would hold a whole round
  });
  await seedDatabase(test.handle.db, test.env);
  await insertNodes(
    test.handle.db,
    "testnet",
    nodes.map((node, i) => ({ nodeId: (i + 1) * 100, httpAddress: node.url })),
  );
  client = new ProbeClient({ allowPrivate: true });
});
afterAll(async () => {
  await client?.close();
  await Promise.all((nodes ?? []).map((node) => node.stop()));
  await test?.drop();
});

/** Stored probes per node, and of which outcome. */
async function storedByNode(network = "testnet") {
  const rows = await test.handle.db
    .select({ nodeId: probes.nodeId, outcome: probes.outcome, n: sql<number>`count(*)::int` })
    .from(probes)
    .where(eq(probes.network, network))
    .groupBy(probes.nodeId, probes.outcome);
  const byNode = new Map<number, number>();
  for (const row of rows) byNode.set(row.nodeId, (byNode.get(row.nodeId) ?? 0) + row.n);
  return { byNode, rows };
}

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe("the worker's prober", () => {
  it("stores healthy nodes' probes as they end, before hanging nodes time out, and never waits a round", async () => {
    const prober = startProber(test.handle.db, test.env, {
      network: "testnet",
      client,
      flushMs: 200,
      log: () => {},
    });
    try {
      await prober.ready;
      // All healthy nodes' first probes are stored while the hanging ones are still in flight.
      expect(await until(async () => (await storedByNode()).byNode.size >= HEALTHY.length, 5000)).toBe(true);
      const first = await storedByNode();
      expect([...first.byNode.keys()].sort((a, b) => a - b)).toEqual(HEALTHY);
      expect(HANGING.some((id) => first.byNode.has(id))).toBe(false);

      // Over two intervals the healthy nodes keep their own schedule (a probe every 5 s) while each
      // hanging node holds only its own next probe until its 6 s timeout.
      expect(
        await until(async () => {
          const { byNode } = await storedByNode();
          return HEALTHY.every((id) => (byNode.get(id) ?? 0) >= 3) && HANGING.every((id) => byNode.has(id));
        }, 14_000),
      ).toBe(true);
      const { rows } = await storedByNode();
      for (const id of HANGING)
        expect(rows.filter((row) => row.nodeId === id).every((row) => row.outcome === "down")).toBe(true);
      for (const id of HEALTHY)
        expect(rows.filter((row) => row.nodeId === id).every((row) => row.outcome === "up")).toBe(true);
    } finally {
      await prober.stop();
    }
  }, 30_000);

  it("starts probing nodes the registry lists as soon as it is asked to look again", async () => {
    const [extra] = await startSimulatedNodes(1);
    if (!extra) throw new Error("no simulated node");
    const prober = startProber(test.handle.db, test.env, {
      network: "mainnet",
      client,
      flushMs: 100,
      refreshMs: 60_000,
      log: () => {},
    });
    try {
      await prober.ready;
      expect((await storedByNode("mainnet")).byNode.size).toBe(0);
      await insertNodes(test.handle.db, "mainnet", [{ nodeId: 4200, httpAddress: extra.url }]);
      const asked = Date.now();
      await prober.refresh();
      // Long before its next own look (60 s) or a probe interval (5 s) would have come.
      expect(
        await until(
          async () =>
            (await test.handle.db.$count(
              probes,
              and(eq(probes.network, "mainnet"), eq(probes.nodeId, 4200)),
            )) > 0,
          4000,
        ),
      ).toBe(true);
      expect(Date.now() - asked).toBeLessThan(4000);
    } finally {
      await prober.stop();
      await extra.stop();
    }
  });

  it("stores what is in flight when it stops", async () => {
    const prober = startProber(test.handle.db, test.env, {
      network: "testnet",
      client,
      flushMs: 60_000,
      log: () => {},
    });
    await prober.ready;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = (await storedByNode()).rows.reduce((sum, row) => sum + row.n, 0);
    await prober.stop(); // waits for the hanging nodes' timeouts, then stores everything buffered
    const after = (await storedByNode()).rows.reduce((sum, row) => sum + row.n, 0);
    expect(after - before).toBe(10);
  }, 20_000);
});
