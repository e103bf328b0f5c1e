import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMaintenanceWindow, openIncident } from "@/db/mutations/team-operations";
import { getChartAnnotations } from "@/db/queries/incidents";
import { seedDatabase } from "@/db/seed";
import { presetRange } from "@/lib/charts/range";
import { latencyView } from "@/server/charts/latency";
import { nodeLatencyView } from "@/server/charts/node-latency";
import { reliabilityView } from "@/server/charts/reliability";
import { insertNodes } from "../support/nodes";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const DAY = 86_400_000;
const now = new Date("2026-12-07T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const by = { actor: "0xteam", at: ago(40) };
let test: TestDatabase;

const incident = (title: string, nodeIds: number[], startedAt: Date, resolvedAt: Date | null) =>
  openIncident(
    test.handle.db,
    {
      network: "testnet",
      nodeIds,
      title,
      severity: "major",
      status: resolvedAt ? "resolved" : "investigating",
      startedAt,
      resolvedAt,
      body: "…",
    },
    by,
  );
const maintenance = (
  title: string,
  nodeId: number | null,
  startsAt: Date,
  endsAt: Date,
  network = "testnet",
) => announceMaintenanceWindow(test.handle.db, { network, nodeId, title, startsAt, endsAt }, by);

beforeAll(async () => {
  test = await createTestDatabase({ XMTP_NETWORKS: "testnet,mainnet" });
  await seedDatabase(test.handle.db, test.env);
  await insertNodes(test.handle.db, "testnet", [
    { nodeId: 100 },
    { nodeId: 200 },
    { nodeId: 300, isCanonical: false },
  ]);
  await incident("Network-wide sync stall", [], ago(3), null); // not over yet
  await incident("Node 200 unreachable", [200], ago(5), ago(4));
  await incident("Node 300 slow", [300], ago(2), ago(1)); // not canonical
  await incident("Nodes 100 and 300 lagging", [100, 300], ago(1.5), ago(1.4));
  await incident("Long ago", [100], ago(40), ago(35)); // resolved before the 30 days
  await maintenance("Disk replacement", 100, ago(6), ago(5.9));
  await maintenance(
    "Next week's upgrade",
    null,
    new Date(now.getTime() + 7 * DAY),
    new Date(now.getTime() + 8 * DAY),
  );
  await maintenance("Mainnet upgrade", null, ago(2), ago(1), "mainnet");
}, 60_000);

afterAll(() => test?.drop());

describe("chart annotations", () => {
  it("are a network's incidents and maintenance windows that overlap the range, oldest first", async () => {
    const annotations = await getChartAnnotations(test.handle.db, {
      network: "testnet",
      from: ago(30),
      to: now,
    });
    expect(annotations.map((one) => [one.kind, one.title, one.nodeIds, one.to === null])).toEqual([
      ["maintenance", "Disk replacement", [100], false],
      ["incident", "Node 200 unreachable", [200], false],
      ["incident", "Network-wide sync stall", [], true],
      ["incident", "Node 300 slow", [300], false],
      ["incident", "Nodes 100 and 300 lagging", [100, 300], false],
    ]);
    expect(annotations[1]).toMatchObject({
      severity: "major",
      from: ago(5).toISOString(),
      to: ago(4).toISOString(),
    });
  });

  it("are the latest of each kind when there are more than the limit", async () => {
    const annotations = await getChartAnnotations(test.handle.db, {
      network: "testnet",
      from: ago(30),
      to: now,
      limit: 1,
    });
    expect(annotations.map((one) => one.title)).toEqual(["Disk replacement", "Nodes 100 and 300 lagging"]);
  });

  it("on a node's charts are that node's and the whole network's", async () => {
    const view = await nodeLatencyView(test.handle.db, {
      network: "testnet",
      nodeId: 200,
      window: "7d",
      now,
    });
    expect(view.annotations.map((one) => one.title)).toEqual([
      "Node 200 unreachable",
      "Network-wide sync stall",
    ]);
  });

  it("on the latency charts are the whole network's", async () => {
    const view = await latencyView(test.handle.db, {
      network: "testnet",
      range: presetRange("30d", now),
      now,
    });
    expect(view.annotations.map((one) => one.title)).toEqual(["Network-wide sync stall"]);
  });

  it("on the reliability page are the network's and its canonical nodes'", async () => {
    const view = await reliabilityView(test.handle.db, {
      network: "testnet",
      range: presetRange("30d", now),
      now,
      hourDays: 90,
      probeIntervalS: 30,
    });
    expect(view.annotations.map((one) => one.title)).toEqual([
      "Disk replacement",
      "Node 200 unreachable",
      "Network-wide sync stall",
      "Nodes 100 and 300 lagging",
    ]);
  });
});
