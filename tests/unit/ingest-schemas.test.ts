import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { issuesOf } from "@/lib/ingest/errors";
import {
  benchmarkRunSchema,
  forkCheckSchema,
  integrationRunSchema,
  PROBE_BATCH_MAX,
  probeBatchSchema,
  runId,
  throughputRunSchema,
} from "@/lib/ingest/schemas";
import { EARLIEST_TIME, isoTime } from "@/lib/iso-time";

const DAY_MS = 86_400_000;
const startedAt = "2026-11-20T10:00:00Z";

/** The issues a schema names for a value, as the ingest API answers them; [] when it is accepted. */
const issues = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : issuesOf(parsed.error);
};
const paths = (schema: z.ZodType, value: unknown) => issues(schema, value).map((issue) => issue.path);

describe("an ISO time a result or a probe may name", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("needs a zone: a naive local time is ambiguous", () => {
    expect(isoTime.safeParse("2026-11-20T10:00:00Z").success).toBe(true);
    expect(isoTime.safeParse("2026-11-20T10:00:00+02:00").success).toBe(true);
    expect(issues(isoTime, "2026-11-20T10:00:00")).toEqual([
      { path: "(body)", message: "must be an ISO 8601 time with a zone" },
    ]);
  });

  it("is from 2020-01-01 on, that instant included", () => {
    expect(isoTime.safeParse(EARLIEST_TIME).success).toBe(true);
    expect(isoTime.safeParse("2020-01-01T01:00:00+01:00").success).toBe(true);
    expect(issues(isoTime, "2019-12-31T23:59:59.999Z")).toEqual([
      { path: "(body)", message: "must be between 2020-01-01 and a day from now" },
    ]);
    expect(isoTime.safeParse("2020-01-01T00:30:00+01:00").success).toBe(false);
  });

  it("is at most a day from now, for a runner's clock skew", () => {
    const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
    expect(isoTime.safeParse(at(0)).success).toBe(true);
    expect(isoTime.safeParse(at(DAY_MS - 60_000)).success).toBe(true);
    expect(issues(isoTime, at(DAY_MS + 60_000))).toEqual([
      { path: "(body)", message: "must be between 2020-01-01 and a day from now" },
    ]);
  });

  it("takes exactly a day from now and refuses a millisecond more", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-20T10:00:00.000Z"));
    expect(isoTime.safeParse("2026-11-21T10:00:00.000Z").success).toBe(true);
    expect(isoTime.safeParse("2026-11-21T10:00:00.001Z").success).toBe(false);
  });
});

describe("a run id", () => {
  it("may hold letters, digits and . _ : @ / - only, up to 200", () => {
    expect(runId.safeParse("ci/run-1:2026.11@main_x").success).toBe(true);
    expect(runId.safeParse("r".repeat(200)).success).toBe(true);
    expect(runId.safeParse("r".repeat(201)).success).toBe(false);
    expect(runId.safeParse("").success).toBe(false);
    expect(issues(runId, "run 1")).toEqual([
      { path: "(body)", message: "may hold letters, digits and . _ : @ / - only" },
    ]);
  });
});

describe("a benchmark run", () => {
  const benchmark = (
    fields: Record<string, unknown> = {},
    result: Record<string, unknown> = { durationsMs: [12] },
  ) => ({
    runId: "b-1",
    source: "qa",
    network: "testnet",
    startedAt,
    results: [{ operation: "groupsync-10", ...result }],
    ...fields,
  });

  it("takes results as raw durations or as a summary", () => {
    expect(issues(benchmarkRunSchema, benchmark())).toEqual([]);
    expect(issues(benchmarkRunSchema, benchmark({}, { summary: { count: 10, p50: 1, p95: 2 } }))).toEqual([]);
  });

  it("refuses a result with neither durations nor a summary", () => {
    expect(issues(benchmarkRunSchema, benchmark({}, {}))).toEqual([
      { path: "results.0", message: "needs durationsMs or summary" },
    ]);
  });

  it("refuses a run that finishes before it starts, comparing instants not text", () => {
    expect(issues(benchmarkRunSchema, benchmark({ finishedAt: "2026-11-20T09:59:59Z" }))).toEqual([
      { path: "finishedAt", message: "must not be before startedAt" },
    ]);
    expect(paths(benchmarkRunSchema, benchmark({ finishedAt: "2026-11-20T11:30:00+02:00" }))).toEqual([
      "finishedAt",
    ]);
    expect(issues(benchmarkRunSchema, benchmark({ finishedAt: startedAt }))).toEqual([]);
    expect(issues(benchmarkRunSchema, benchmark({ finishedAt: "2026-11-20T10:00:01Z" }))).toEqual([]);
  });

  it("names each out-of-range number by its path", () => {
    expect(paths(benchmarkRunSchema, benchmark({}, { durationsMs: [10, -1, 86_400_001] }))).toEqual([
      "results.0.durationsMs.1",
      "results.0.durationsMs.2",
    ]);
    expect(paths(benchmarkRunSchema, benchmark({}, { durationsMs: [] }))).toEqual(["results.0.durationsMs"]);
    expect(paths(benchmarkRunSchema, benchmark({ network: "devnet", extra: 1 }))).toEqual([
      "network",
      "(body)",
    ]);
  });
});

describe("a fork check", () => {
  const check = (fields: Record<string, unknown>) => ({
    runId: "f-1",
    network: "mainnet",
    startedAt,
    groupsChecked: 100,
    forkedGroups: 0,
    ...fields,
  });

  it("may find every group it checked forked, and no more", () => {
    expect(issues(forkCheckSchema, check({ forkedGroups: 100 }))).toEqual([]);
    expect(issues(forkCheckSchema, check({ forkedGroups: 101 }))).toEqual([
      { path: "forkedGroups", message: "cannot exceed groupsChecked" },
    ]);
  });

  it("keeps its counts within an int4 column", () => {
    expect(issues(forkCheckSchema, check({ groupsChecked: 2 ** 31 - 1 }))).toEqual([]);
    expect(issues(forkCheckSchema, check({ groupsChecked: 2 ** 31 }))).toEqual([
      { path: "groupsChecked", message: "must be at most 2147483647" },
    ]);
  });
});

describe("an integration run", () => {
  const integration = (fields: Record<string, unknown>) => ({
    runId: "i-1",
    suite: "sdk",
    sdk: "node",
    network: "testnet",
    startedAt,
    passed: 1,
    failed: 1,
    ...fields,
  });
  const cases = [
    { name: "creates a group", status: "passed", durationMs: 12 },
    { name: "syncs", status: "failed", durationMs: 3 },
    { name: "streams", status: "skipped", durationMs: 0 },
  ];

  it("counts skipped cases as none when it does not say", () => {
    expect(integrationRunSchema.parse(integration({})).skipped).toBe(0);
  });

  it("must count as passed exactly the cases that passed", () => {
    expect(issues(integrationRunSchema, integration({ cases }))).toEqual([]);
    expect(issues(integrationRunSchema, integration({ cases, passed: 3 }))).toEqual([
      { path: "passed", message: "does not match the passed cases" },
    ]);
    expect(issues(integrationRunSchema, integration({ cases, passed: 0 }))).toEqual([
      { path: "passed", message: "does not match the passed cases" },
    ]);
  });

  it("takes any count when it lists no cases", () => {
    expect(issues(integrationRunSchema, integration({ passed: 40 }))).toEqual([]);
  });
});

describe("a throughput run", () => {
  const throughput = (fields: Record<string, unknown>) => ({
    runId: "t-1",
    network: "testnet",
    kind: "offchain_burst",
    startedAt,
    messages: 1000,
    ...fields,
  });

  it("may average at most ten million messages a second over its duration", () => {
    expect(issues(throughputRunSchema, throughput({ durationS: 1, messages: 10_000_000 }))).toEqual([]);
    expect(issues(throughputRunSchema, throughput({ durationS: 2, messages: 20_000_001 }))).toEqual([
      { path: "messages", message: "messages / durationS must be at most 10000000 a second" },
    ]);
  });

  it("divides its messages by its duration to get that rate", () => {
    expect(issues(throughputRunSchema, throughput({ durationS: 86_400, messages: 5e9 }))).toEqual([]);
    expect(paths(throughputRunSchema, throughput({ durationS: 0.5, messages: 6_000_000 }))).toEqual([
      "messages",
    ]);
  });

  it("needs no duration, and then has no rate to check", () => {
    expect(issues(throughputRunSchema, throughput({ messages: 5e9 }))).toEqual([]);
    expect(issues(throughputRunSchema, throughput({ messages: 5e9, durationS: null, nodes: null }))).toEqual(
      [],
    );
    expect(throughputRunSchema.parse(throughput({})).errors).toBe(0);
  });

  it("names a kind it does not know, listing the ones it does", () => {
    expect(issues(throughputRunSchema, throughput({ kind: "burst" }))).toEqual([
      { path: "kind", message: "must be one of offchain_burst, onchain_burst, sustained_daily" },
    ]);
  });
});

describe("a remote prober's batch", () => {
  const probe = (fields: Record<string, unknown> = {}) => ({
    nodeId: 100,
    at: startedAt,
    outcome: "up",
    ...fields,
  });
  const batch = (probes: unknown[], fields: Record<string, unknown> = {}) => ({
    network: "testnet",
    region: "eu-west",
    probes,
    ...fields,
  });
  const cursorOf = (entries: number) =>
    Object.fromEntries(Array.from({ length: entries }, (_, i) => [String(i + 1), String(i * 10)]));

  it("takes probes with their optional measurements", () => {
    const full = probe({
      latencyMs: 40,
      version: "v1",
      httpStatus: 200,
      grpcStatus: 0,
      errorClass: null,
      cursor: { 1: "42" },
    });
    expect(
      issues(probeBatchSchema, batch([full, probe({ outcome: "down", errorClass: "timeout" })])),
    ).toEqual([]);
  });

  it("carries a cursor of at most 1000 originators, each a decimal uint64", () => {
    expect(issues(probeBatchSchema, batch([probe({ cursor: cursorOf(1000) })]))).toEqual([]);
    expect(issues(probeBatchSchema, batch([probe({ cursor: cursorOf(1001) })]))).toEqual([
      { path: "probes.0.cursor", message: "at most 1000 originators" },
    ]);
    expect(issues(probeBatchSchema, batch([probe({ cursor: { 1: "-1" } })]))).toEqual([
      { path: "probes.0.cursor.1", message: "must be a decimal uint64" },
    ]);
  });

  it(`holds between 1 and ${PROBE_BATCH_MAX} probes from a named region`, () => {
    expect(paths(probeBatchSchema, batch([]))).toEqual(["probes"]);
    const many = Array.from({ length: PROBE_BATCH_MAX + 1 }, () => probe());
    expect(issues(probeBatchSchema, batch(many))).toEqual([
      { path: "probes", message: "at most 5000 probes per request" },
    ]);
    expect(issues(probeBatchSchema, batch([probe()], { region: "EU West" }))).toEqual([
      { path: "region", message: "must be lowercase letters, digits and dashes (at most 40)" },
    ]);
  });

  it("names an unknown outcome, listing the known ones", () => {
    expect(issues(probeBatchSchema, batch([probe({ outcome: "sideways" })]))).toEqual([
      { path: "probes.0.outcome", message: "must be one of up, degraded, down" },
    ]);
  });
});
