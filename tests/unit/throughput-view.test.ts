import { describe, expect, it } from "vitest";
import { presetRange } from "@/lib/charts/range";
import { parseThroughputQuery } from "@/lib/throughput/query";
import {
  THROUGHPUT_CSV_COLUMNS,
  type ThroughputView,
  throughputCsvRows,
  throughputPoints,
} from "@/lib/throughput/view";

const NOW = new Date("2026-12-03T07:30:00Z");
const ENV = {
  XMTP_NETWORKS: ["testnet"] as ("testnet" | "mainnet" | "local")[],
  defaultNetwork: "testnet" as const,
};
const run = (
  runId: string,
  kind: string,
  extra: Partial<Parameters<typeof throughputPoints>[0][number]> = {},
) => ({
  runId,
  kind,
  startedAt: new Date("2026-11-20T14:00:00Z"),
  nodes: 3,
  durationS: 60,
  messages: 60_000,
  errors: 2,
  peakRps: null,
  ...extra,
});
const RULES = { minNodes: 3, minDurationS: 86_400 };

describe("throughput runs as the charts show them", () => {
  it("rates a burst by its peak step rate, else by messages over duration, as the evaluator does", () => {
    const points = throughputPoints(
      [
        run("peak", "offchain_burst", { peakRps: 1_350.456 }),
        run("average", "offchain_burst"),
        run("unknown", "offchain_burst", { durationS: null }),
        run("other", "onchain_burst", { peakRps: 40 }),
      ],
      "offchain_burst",
      null,
    );
    expect(points.map((point) => [point.runId, point.value, point.excluded])).toEqual([
      ["peak", 1_350.46, null],
      ["average", 1_000, null],
      ["unknown", null, null],
    ]);
    expect(points[0]).toMatchObject({
      startedAt: "2026-11-20T14:00:00.000Z",
      nodes: 3,
      messages: 60_000,
      errors: 2,
    });
  });

  it("scales a sustained run to a day and says why a run does not count", () => {
    const points = throughputPoints(
      [
        run("day", "sustained_daily", { durationS: 86_400, messages: 11_200_000 }),
        run("two-nodes", "sustained_daily", { nodes: 2, durationS: 86_400, messages: 8_100_000 }),
        run("short", "sustained_daily", { durationS: 3_600, messages: 500_000 }),
        run("unstated", "sustained_daily", { nodes: null, durationS: 86_400 }),
      ],
      "sustained_daily",
      RULES,
    );
    expect(points.map((point) => [point.runId, point.value, point.excluded])).toEqual([
      ["day", 11_200_000, null],
      ["two-nodes", 8_100_000, "ran on 2 nodes, needs 3"],
      ["short", 12_000_000, "ran 3600 s, needs 86400 s"],
      ["unstated", 60_000, "ran on an unstated number of nodes, needs 3"],
    ]);
  });

  it("writes a CSV row per target and run, in the columns it names", () => {
    const view = {
      targets: [
        { key: "a", unit: "msg/s", runs: throughputPoints([run("r1", "x", { peakRps: 5 })], "x", null) },
        { key: "b", unit: "msg/day", runs: [] },
      ],
    } as unknown as ThroughputView;
    expect(THROUGHPUT_CSV_COLUMNS).toEqual([
      "target",
      "runId",
      "startedAt",
      "nodes",
      "durationS",
      "messages",
      "errors",
      "value",
      "unit",
      "excluded",
    ]);
    expect(throughputCsvRows(view)).toEqual([
      expect.objectContaining({ target: "a", runId: "r1", value: 5, unit: "msg/s" }),
    ]);
    expect(throughputCsvRows(view, "b")).toEqual([]);
  });
});

describe("the throughput query", () => {
  it("shows 90 days by default: load tests are few", () => {
    expect(parseThroughputQuery({}, ENV, NOW)).toEqual({
      query: { network: "testnet", range: presetRange("90d", NOW), target: undefined, format: "json" },
    });
    expect(
      parseThroughputQuery({ range: "7d", format: "csv", target: "onchain_burst" }, ENV, NOW),
    ).toMatchObject({
      query: { range: { preset: "7d" }, target: "onchain_burst", format: "csv" },
    });
  });

  it("refuses bad parameters, naming each", () => {
    expect(parseThroughputQuery({ network: "mainnet" }, ENV, NOW)).toEqual({
      error: "network: is not collected here (collected: testnet)",
    });
    expect(parseThroughputQuery({ target: "../x" }, ENV, NOW)).toEqual({
      error: "target: must be a criterion key",
    });
    expect(parseThroughputQuery({ range: "1y" }, ENV, NOW)).toEqual({
      error: expect.stringMatching(/^range: /),
    });
    expect(parseThroughputQuery({ from: "2026-12-01", to: "2026-11-01" }, ENV, NOW)).toEqual({
      error: "to: must be after from",
    });
  });
});
