import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProbes } from "@/db/mutations/probes";
import { uptimeRollups } from "@/db/schema";
import {
  dayRowsOf,
  RELIABILITY_CHARTS,
  RELIABILITY_CSV_COLUMNS,
  type ReliabilityView,
} from "@/lib/reliability/view";
import { getReliabilityApi } from "@/server/api/reliability-api";
import { forkChecksEndpoint, integrationTestsEndpoint } from "@/server/ingest/endpoints";
import { callEndpoint, type Endpoint, setUpIngest } from "../support/ingest";
import { insertNodes } from "../support/nodes";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const NOW = new Date("2026-11-30T12:00:00Z");

const get = (query: string) =>
  getReliabilityApi(new Request(`http://dashboard/api/v1/reliability?${query}`), {
    db: test.handle.db,
    now: NOW,
    env: test.env,
  });
const json = async (query: string) => {
  const response = await get(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ReliabilityView;
};
const send = async (endpoint: Endpoint, body: unknown) => {
  const response = await callEndpoint(endpoint, test, body, { token });
  expect(response.status, await response.clone().text()).toBe(201);
};

/** A minimal CSV reader: cells here hold no commas, quotes or line breaks. */
const parseCsv = (text: string) => {
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const columns = (header as string).split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])));
};
const cellOf = (value: unknown) => (value === null || value === undefined ? "" : String(value));

const dayRow = (nodeId: number, day: string, up: number, down = 0) => ({
  network: "testnet",
  nodeId,
  granularity: "day" as const,
  bucketStart: new Date(`${day}T00:00:00Z`),
  upMinutes: up,
  downMinutes: down,
});
const snapshot = (nodeId: number, at: string, sequence: string) => ({
  nodeId,
  at: new Date(at),
  outcome: "up" as const,
  cursor: { "1": sequence },
});
const integrationRun = (runId: string, startedAt: string, failed: string[] = []) => ({
  runId,
  suite: "e2e",
  sdk: "xmtp-js",
  network: "testnet",
  startedAt,
  passed: 3,
  failed: failed.length,
  cases: [
    ...["creates a group", "sends a message", "syncs"].map((name) => ({
      name,
      status: "passed",
      durationMs: 10,
    })),
    ...failed.map((name) => ({ name, status: "failed", durationMs: 10 })),
  ],
});

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["forks", "tests"]));
  const registered = new Date("2026-01-01T00:00:00Z");
  await insertNodes(test.handle.db, "testnet", [
    { nodeId: 100, registeredAt: registered },
    { nodeId: 200, registeredAt: registered },
    { nodeId: 400, registeredAt: registered, isCanonical: false },
  ]);
  await test.handle.db.insert(uptimeRollups).values([
    dayRow(100, "2026-11-27", 1440),
    dayRow(100, "2026-11-28", 1440),
    dayRow(200, "2026-11-27", 1440),
    dayRow(200, "2026-11-28", 1410, 30),
    dayRow(400, "2026-11-28", 0, 1440), // not canonical: not judged, not drawn
  ]);
  // Through the ingest, which keeps each node's last cursor per hour and day as snapshots arrive.
  await insertProbes(test.handle.db, { network: "testnet", region: "us-east", source: "remote" }, [
    // Beyond 2^53: the lag is exact, in BigInt.
    snapshot(100, "2026-11-28T10:00:00Z", "18446744073709551615"),
    snapshot(200, "2026-11-28T10:00:00Z", "18446744073709551000"),
    // Read seven hours before the others that day: compared with none of them.
    snapshot(400, "2026-11-28T03:00:00Z", "5"),
    snapshot(100, "2026-11-30T09:00:00Z", "180"),
    snapshot(100, "2026-11-30T10:00:20Z", "200"),
    snapshot(200, "2026-11-30T08:00:00Z", "150"),
    snapshot(200, "2026-11-30T10:00:00Z", "195"), // the day's last cursor of node 200 counts
    snapshot(100, "2026-11-30T13:00:00Z", "999"), // after now
  ]);
  for (const [runId, startedAt, checked, forked] of [
    ["forks-a", "2026-11-25T04:00:00Z", 1000, 0],
    ["forks-b", "2026-11-25T16:00:00Z", 500, 0],
    ["forks-c", "2026-11-27T04:00:00Z", 1000, 2],
    ["forks-old", "2026-10-01T04:00:00Z", 1000, 5],
  ] as const)
    await send(forkChecksEndpoint, {
      runId,
      network: "testnet",
      startedAt,
      groupsChecked: checked,
      forkedGroups: forked,
    });
  for (let i = 0; i < 6; i++)
    await send(
      integrationTestsEndpoint,
      integrationRun(
        `js-${i}`,
        `2026-11-2${4 + i}T05:00:00Z`,
        i === 3 ? ["adds a member", "removes a member"] : [],
      ),
    );
  await send(integrationTestsEndpoint, integrationRun("js-old", "2026-10-01T05:00:00Z", ["syncs"]));
}, 60_000);

afterAll(() => test?.drop());

describe("GET /api/v1/reliability", () => {
  it("gives every canonical node's availability per UTC day, the worst one marked, gaps where nothing was measured", async () => {
    const view = await json("range=7d");
    expect(view.days).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
      "2026-11-30",
    ]);
    expect(view.availability.criterion).toMatchObject({
      key: "node_reliability",
      target: 99.99,
      judgedOn: "testnet",
    });
    // Today has had 12 hours by now: its coverage counts those.
    expect(view.availability.dayMinutes).toEqual([1440, 1440, 1440, 1440, 1440, 1440, 1440, 720]);
    const [first, second] = view.availability.nodes;
    expect(view.availability.nodes.map((node) => node.nodeId)).toEqual([100, 200]);
    expect(first).toMatchObject({ availabilityPct: 100, worst: false, downMinutes: 0 });
    // 2,850 of 2,880 minutes, floored to 4 decimals: 98.9583%.
    expect(second).toMatchObject({ availabilityPct: 98.9583, worst: true, downMinutes: 30 });
    expect(
      second &&
        dayRowsOf(second, view.days, view.availability.dayMinutes).find((day) => day.day === "2026-11-28"),
    ).toEqual({
      day: "2026-11-28",
      availabilityPct: 97.9166,
      measuredMinutes: 1440,
      downMinutes: 30,
      coveragePct: 100,
      partial: false,
    });
    expect(
      second &&
        dayRowsOf(second, view.days, view.availability.dayMinutes).find((day) => day.day === "2026-11-29"),
    ).toMatchObject({
      availabilityPct: null,
      measuredMinutes: 0,
    });
  });

  it("sums fork checks per day with their counts, and leaves a day without checks empty, never 0%", async () => {
    const { forks } = await json("range=7d");
    expect(forks.criterion).toMatchObject({ key: "fork_rate", target: 0 });
    expect(forks.days.find((day) => day.day === "2026-11-25")).toEqual({
      day: "2026-11-25",
      runs: 2,
      groupsChecked: 1500,
      forkedGroups: 0,
      forkRatePct: 0,
    });
    expect(forks.days.find((day) => day.day === "2026-11-27")?.forkRatePct).toBe(0.2);
    expect(forks.days.find((day) => day.day === "2026-11-26")).toMatchObject({ runs: 0, forkRatePct: null });
    expect(forks.days.reduce((sum, day) => sum + day.forkedGroups, 0)).toBe(2); // October's forks are outside
  });

  it("lists each suite's runs oldest first, the verdict's last five marked, a failing run with its failed cases", async () => {
    const { integration } = await json("range=30d");
    expect(integration.lastRuns).toBe(5);
    expect(integration.suites).toHaveLength(1);
    const runs = integration.suites[0]?.runs ?? [];
    expect(runs.map((run) => run.runId)).toEqual(["js-0", "js-1", "js-2", "js-3", "js-4", "js-5"]);
    expect(runs.map((run) => run.judged)).toEqual([false, true, true, true, true, true]);
    expect(runs[3]).toMatchObject({
      failed: 2,
      passRatePct: 60,
      failedCasesTotal: 2,
      failedCases: [
        { name: "adds a member", message: null },
        { name: "removes a member", message: null },
      ],
    });
    expect(runs[0]).toMatchObject({ passRatePct: 100, failedCases: [], failedCasesTotal: 0 });
  });

  it("marks the runs the verdict reads now, by its own window and network: a new run at once, another network's never", async () => {
    const judged = async (query: string) =>
      Object.fromEntries(
        ((await json(query)).integration.suites[0]?.runs ?? []).map((run) => [run.runId, run.judged]),
      );
    await send(integrationTestsEndpoint, integrationRun("js-6", "2026-11-30T06:00:00Z"));
    expect(await judged("range=30d")).toMatchObject({ "js-1": false, "js-2": true, "js-6": true });
    // A past range shows its runs, but the verdict reads the last 30 days: none of these.
    expect(await judged("from=2026-11-24&to=2026-11-25")).toEqual({ "js-0": false, "js-1": false });
    await send(integrationTestsEndpoint, {
      ...integrationRun("js-main", "2026-11-30T07:00:00Z"),
      network: "mainnet",
    });
    expect(await judged("network=mainnet&range=30d")).toEqual({ "js-main": false });
  });

  it("gives each registry node's replication lag per bucket from its last cursor in it, exact beyond 2^53", async () => {
    const { replication } = await json("range=7d");
    expect(replication.nodeIds).toEqual([100, 200, 400]);
    expect(replication.bucket).toBe("day");
    const on = (day: string) =>
      replication.points.find((point) => point.start === `${day}T00:00:00.000Z`)?.lags;
    expect(on("2026-11-28")).toEqual(["0", "615", null]);
    expect(on("2026-11-30")).toEqual(["0", "5", null]);
    expect(on("2026-11-29")).toEqual([null, null, null]);
    const hourly = await json("from=2026-11-30&to=2026-11-30");
    expect(hourly.replication.bucket).toBe("hour");
    expect(hourly.replication.points).toHaveLength(12); // up to now
    expect(hourly.replication.points[9]?.lags).toEqual(["0", null, null]);
    expect(hourly.replication.points[10]?.lags).toEqual(["0", "5", null]);
  });

  it("answers each chart as CSV holding exactly its JSON", async () => {
    for (const chart of RELIABILITY_CHARTS) {
      const view = await json(`range=7d&chart=${chart}`);
      expect(Object.keys(view)).toEqual(["network", "asOf", "range", "days", "annotations", chart]);
      const response = await get(`range=7d&chart=${chart}&format=csv`);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      const text = await response.text();
      expect(text.split("\r\n")[0]).toBe(RELIABILITY_CSV_COLUMNS[chart].join(","));
      const rows = parseCsv(text);
      const expected =
        chart === "availability"
          ? view.availability.nodes.flatMap((node) =>
              dayRowsOf(node, view.days, view.availability.dayMinutes).map((day) => ({
                nodeId: node.nodeId,
                name: node.name,
                worst: node.worst,
                ...day,
              })),
            )
          : chart === "forks"
            ? view.forks.days
            : chart === "integration"
              ? view.integration.suites.flatMap((suite) =>
                  suite.runs.map((run) => ({ sdk: suite.sdk, suite: suite.suite, ...run })),
                )
              : view.replication.points.flatMap((point) =>
                  view.replication.nodeIds.map((nodeId, i) => ({
                    bucketStart: point.start,
                    nodeId,
                    lag: point.lags[i],
                  })),
                );
      expect(rows, chart).toEqual(
        expected.map((row) =>
          Object.fromEntries(
            RELIABILITY_CSV_COLUMNS[chart].map((column) => [
              column,
              cellOf((row as Record<string, unknown>)[column]),
            ]),
          ),
        ),
      );
      expect(rows.length, chart).toBeGreaterThan(0);
    }
  });

  it("refuses a bad query with a 400 naming the parameter", async () => {
    const cases: [string, RegExp][] = [
      ["network=local", /^network: is not collected here/],
      ["range=1y", /^range: /],
      [
        "format=csv",
        /^chart: a CSV holds one chart; name it \(availability, forks, integration, replication\)/,
      ],
      ["chart=uptime", /^chart: /],
      ["from=2026-11-05&to=2026-11-01", /^to: must be after from/],
    ];
    for (const [query, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toMatch(message);
    }
  });

  it("answers a network with nothing measured with empty charts, no worst node and no zero", async () => {
    const view = await json("network=mainnet&from=2026-11-10&to=2026-11-16");
    expect(view.availability.nodes).toEqual([]);
    expect(view.forks.days.every((day) => day.forkRatePct === null)).toBe(true);
    expect(view.integration.suites).toEqual([]);
    expect(view.replication.nodeIds).toEqual([]);
  });
});
