import { describe, expect, it } from "vitest";
import {
  bucketFor,
  bucketStarts,
  lastDay,
  MAX_RANGE_DAYS,
  presetRange,
  rangeQuery,
  resolveRange,
  type TimeRange,
} from "@/lib/charts/range";
import { chartSearch } from "@/lib/charts/search";
import { parseLatencyQuery } from "@/lib/latency/query";
import { latencySeries } from "@/lib/latency/series";
import { LATENCY_CSV_COLUMNS, type LatencyView, latencyCsvRows } from "@/lib/latency/view";
import { histogramOf, quantile } from "@/lib/metrics/histogram";

const NOW = new Date("2026-12-03T07:30:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ENV = {
  XMTP_NETWORKS: ["testnet", "mainnet"] as ("testnet" | "mainnet" | "local")[],
  defaultNetwork: "testnet" as const,
};

const resolve = (query: Record<string, string>): { range?: TimeRange; error?: string } => {
  const parsed = rangeQuery.safeParse(query);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return resolveRange(parsed.data, NOW);
};

describe("time ranges", () => {
  it("ends a preset now and buckets hourly up to two days, daily beyond", () => {
    expect(presetRange("24h", NOW)).toEqual({
      preset: "24h",
      from: new Date(NOW.getTime() - DAY),
      to: NOW,
      bucket: "hour",
    });
    expect(presetRange("7d", NOW).bucket).toBe("day");
    expect(bucketFor(2 * DAY)).toBe("hour");
    expect(bucketFor(2 * DAY + 1)).toBe("day");
    expect(resolve({})).toEqual({ range: presetRange("30d", NOW) });
  });

  it("reads a custom range of UTC days as whole days, the last one included", () => {
    const result = resolve({ from: "2026-11-01", to: "2026-11-03" });
    expect(result).toEqual({
      range: {
        preset: "custom",
        from: new Date("2026-11-01T00:00:00Z"),
        to: new Date("2026-11-04T00:00:00Z"),
        bucket: "day",
        askedTo: new Date("2026-11-04T00:00:00Z"),
      },
    });
    expect(lastDay(result.range as TimeRange)).toBe("2026-11-03");
    // One day is 24 hourly buckets.
    const one = resolve({ from: "2026-11-01", to: "2026-11-01" });
    expect(one.range?.bucket).toBe("hour");
  });

  it("takes ISO times with a zone and ends a range reaching past now at now, keeping the end it was asked", () => {
    const result = resolve({ from: "2026-12-02T09:00:00+02:00", to: "2026-12-31" });
    const askedTo = new Date("2027-01-01T00:00:00Z");
    expect(result).toEqual({
      range: { preset: "custom", from: new Date("2026-12-02T07:00:00Z"), to: NOW, bucket: "hour", askedTo },
    });
    expect(lastDay(result.range as TimeRange)).toBe("2026-12-31");
    // A year up to now is a year, however far past now the range was asked to reach.
    expect(resolve({ from: "2026-01-01", to: "2027-12-31" }).range?.to).toEqual(NOW);
  });

  it("refuses what cannot be a range, naming the field", () => {
    expect(resolve({ range: "1y" })).toEqual({ error: expect.stringContaining("24h") });
    expect(resolve({ from: "2026-02-30", to: "2026-03-02" }).error).toMatch(/UTC day/);
    expect(resolve({ from: "2026-13-01", to: "2026-12-02" }).error).toMatch(/UTC day/);
    expect(resolve({ from: "2026-11-01T00:00:00", to: "2026-12-02" }).error).toMatch(/with a zone/);
    expect(resolve({ from: "1969-12-31", to: "2026-12-02" }).error).toMatch(/real time from/);
    expect(resolve({ from: "2026-11-01" })).toEqual({ error: "to: a custom range needs both from and to" });
    expect(resolve({ to: "2026-11-01" })).toEqual({ error: "from: a custom range needs both from and to" });
    expect(resolve({ range: "7d", from: "2026-11-01", to: "2026-11-02" })).toEqual({
      error: "range: give either range or from and to, not both",
    });
    expect(resolve({ from: "2026-11-02T00:00:00Z", to: "2026-11-02T00:00:00Z" })).toEqual({
      error: "to: must be after from",
    });
    expect(resolve({ from: "2025-01-01", to: "2026-01-02" })).toEqual({
      error: `to: a range spans at most ${MAX_RANGE_DAYS} days`,
    });
    expect(resolve({ from: "2025-01-01", to: "2026-01-01" })).toHaveProperty("range");
    expect(resolve({ from: "2026-12-04", to: "2026-12-05" })).toEqual({
      error: "from: must not be in the future",
    });
  });

  it("aligns buckets to UTC hours or days, covering the whole range", () => {
    const from = new Date("2026-12-01T10:30:00Z");
    expect(bucketStarts({ from, to: new Date("2026-12-01T12:00:00Z"), bucket: "hour" })).toEqual([
      Date.parse("2026-12-01T10:00:00Z"),
      Date.parse("2026-12-01T11:00:00Z"),
    ]);
    expect(bucketStarts({ from, to: new Date("2026-12-03T00:00:01Z"), bucket: "day" })).toEqual([
      Date.parse("2026-12-01T00:00:00Z"),
      Date.parse("2026-12-02T00:00:00Z"),
      Date.parse("2026-12-03T00:00:00Z"),
    ]);
  });
});

const day = (iso: string) => Date.parse(iso);
const buckets = (
  entries: [metricKey: string, start: string, durations: number[]][],
  summaries: [string, number][] = [],
) => ({
  buckets: entries.map(([metricKey, start, durations]) => ({
    metricKey,
    start: day(start),
    histogram: histogramOf(durations),
  })),
  summaryResults: new Map(summaries),
});
const rounded = (value: number | null) => Math.round((value as number) * 100) / 100;

describe("latency series", () => {
  const range = {
    from: new Date("2026-12-01T00:00:00Z"),
    to: new Date("2026-12-04T00:00:00Z"),
    bucket: "day" as const,
  };
  const fast = Array.from({ length: 90 }, (_, i) => 10 + i / 10);
  const slow = Array.from({ length: 10 }, () => 500);

  it("gives each bucket's percentiles, and the range's from all its samples at once, not an average", () => {
    const [series] = latencySeries(
      buckets([
        ["sync", "2026-12-01T00:00:00Z", [...fast, ...slow]],
        ["sync", "2026-12-03T00:00:00Z", [20, 30]],
        ["other", "2026-12-02T00:00:00Z", [1_000]],
      ]),
      range,
      ["sync"],
    );
    const day1 = histogramOf([...fast, ...slow]);
    expect(series?.points[0]).toEqual({
      start: "2026-12-01T00:00:00.000Z",
      samples: 100,
      p50Ms: rounded(quantile(day1, 0.5)),
      p95Ms: rounded(quantile(day1, 0.95)),
      p99Ms: rounded(quantile(day1, 0.99)),
    });
    expect(series?.points[0]?.p95Ms).toBeGreaterThan(450);
    expect(series?.overall.samples).toBe(102);
    const all = histogramOf([...fast, ...slow, 20, 30]);
    expect(series?.overall.p95Ms).toBe(rounded(quantile(all, 0.95)));
  });

  it("leaves a bucket without samples empty, never zero, and keeps every bucket", () => {
    const [series] = latencySeries(buckets([["sync", "2026-12-01T00:00:00Z", [40]]]), range, ["sync"]);
    expect(series?.points.map((point) => point.start)).toEqual([
      "2026-12-01T00:00:00.000Z",
      "2026-12-02T00:00:00.000Z",
      "2026-12-03T00:00:00.000Z",
    ]);
    expect(series?.points[1]).toEqual({
      start: "2026-12-02T00:00:00.000Z",
      samples: 0,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
    });
    const [none] = latencySeries(buckets([]), range, ["sync"]);
    expect(none?.overall).toEqual({ samples: 0, p50Ms: null, p95Ms: null, p99Ms: null });
    expect(none?.points.every((point) => point.samples === 0 && point.p95Ms === null)).toBe(true);
  });

  it("counts each metric's summary-only results apart", () => {
    const series = latencySeries(buckets([], [["sync", 2]]), range, ["sync", "other"]);
    expect(series.map((one) => [one.metricKey, one.summaryResults, one.overall.samples])).toEqual([
      ["sync", 2, 0],
      ["other", 0, 0],
    ]);
  });

  it("rounds percentiles to hundredths of a millisecond", () => {
    const [series] = latencySeries(buckets([["sync", "2026-12-01T00:00:00Z", [43.21]]]), range, ["sync"]);
    const p50 = series?.points[0]?.p50Ms as number;
    expect(Math.round(p50 * 100)).toBe(p50 * 100);
    expect(Math.abs(p50 - 43.21)).toBeLessThan(43.21 * 0.02);
  });
});

describe("the latency query", () => {
  it("defaults to the default network, 30 days and JSON", () => {
    expect(parseLatencyQuery({}, ENV, NOW)).toEqual({
      query: {
        network: "testnet",
        range: presetRange("30d", NOW),
        region: undefined,
        sdk: undefined,
        operation: undefined,
        format: "json",
      },
    });
  });

  it("takes the first of a repeated parameter and ignores empty ones, as a GET form sends them", () => {
    const parsed = parseLatencyQuery(
      { network: ["mainnet", "testnet"], region: "", sdk: "xmtp-js", range: "7d", format: "csv" },
      ENV,
      NOW,
    );
    expect(parsed).toMatchObject({
      query: { network: "mainnet", region: undefined, sdk: "xmtp-js", format: "csv" },
    });
  });

  it("refuses bad parameters, naming each", () => {
    expect(parseLatencyQuery({ network: "local" }, ENV, NOW)).toEqual({
      error: "network: is not collected here (collected: testnet, mainnet)",
    });
    expect(parseLatencyQuery({ region: "x".repeat(65) }, ENV, NOW)).toEqual({
      error: expect.stringMatching(/^region: /),
    });
    expect(parseLatencyQuery({ sdk: "js\u0000" }, ENV, NOW)).toEqual({ error: "sdk: must be plain text" });
    expect(parseLatencyQuery({ operation: "Sync Group" }, ENV, NOW)).toEqual({
      error: "operation: must be a criterion key",
    });
    expect(parseLatencyQuery({ format: "xml" }, ENV, NOW)).toEqual({
      error: expect.stringMatching(/^format: /),
    });
    expect(parseLatencyQuery({ from: "2026-11-01" }, ENV, NOW)).toEqual({
      error: "to: a custom range needs both from and to",
    });
  });

  it("writes a view's address back: a preset by name, a custom range by its ends, filters only when set", () => {
    const parsed = parseLatencyQuery({ range: "7d", sdk: "xmtp-js" }, ENV, NOW);
    if (!("query" in parsed)) throw new Error(parsed.error);
    expect(chartSearch(parsed.query)).toBe("network=testnet&range=7d&sdk=xmtp-js");
    expect(chartSearch(parsed.query, { range: "24h" })).toBe("network=testnet&range=24h&sdk=xmtp-js");
    const custom = parseLatencyQuery({ from: "2026-11-01", to: "2026-11-02", region: "eu" }, ENV, NOW);
    if (!("query" in custom)) throw new Error(custom.error);
    const search = chartSearch(custom.query);
    expect(search).toBe(
      "network=testnet&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-03T00%3A00%3A00.000Z&region=eu",
    );
    // The address reads back as the same view.
    expect(parseLatencyQuery(Object.fromEntries(new URLSearchParams(search)), ENV, NOW)).toEqual(custom);
    // A range to today keeps "to today" in its address, so the live refresh reads what arrives later.
    const today = parseLatencyQuery({ from: "2026-12-01", to: "2026-12-03" }, ENV, NOW);
    if (!("query" in today)) throw new Error(today.error);
    expect(today.query.range.to).toEqual(NOW);
    expect(new URLSearchParams(chartSearch(today.query)).get("to")).toBe("2026-12-04T00:00:00.000Z");
  });
});

describe("the latency CSV", () => {
  const op = (key: string, samples: number) => ({
    key,
    points: [
      {
        start: "2026-12-01T00:00:00.000Z",
        samples,
        p50Ms: samples ? 1 : null,
        p95Ms: samples ? 2 : null,
        p99Ms: samples ? 3 : null,
      },
    ],
  });
  const view = { operations: [op("a", 5), op("b", 0)] } as unknown as LatencyView;

  it("has a row per operation and bucket, in the columns it names", () => {
    expect(LATENCY_CSV_COLUMNS).toEqual(["operation", "bucketStart", "samples", "p50Ms", "p95Ms", "p99Ms"]);
    expect(
      latencyCsvRows(view).map((row) => [row.operation, row.bucketStart, row.samples, row.p95Ms]),
    ).toEqual([
      ["a", "2026-12-01T00:00:00.000Z", 5, 2],
      ["b", "2026-12-01T00:00:00.000Z", 0, null],
    ]);
    expect(latencyCsvRows(view, "b").map((row) => row.operation)).toEqual(["b"]);
  });
});
