import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Histogram } from "@/lib/metrics/histogram";
import { INTEGRATION_FORMATS, TEST_CASE_STATUSES, THROUGHPUT_KINDS } from "@/lib/results/vocabulary";
import { ingestTokens } from "./auth";
import { networkRef } from "./networks";

// Every pushed run keeps the hash of its body: the same runId with the same body is a replay (200),
// with a different body a conflict (409).
const runColumns = () => ({
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  runId: text("run_id").notNull(),
  network: networkRef(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  bodyHash: text("body_hash").notNull(),
  tokenId: integer("token_id").references(() => ingestTokens.id),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export const benchmarkRuns = pgTable(
  "benchmark_runs",
  {
    ...runColumns(),
    source: text("source").notNull(),
    region: text("region"),
    sdk: text("sdk"),
    sdkVersion: text("sdk_version"),
    commit: text("commit"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("benchmark_runs_run_id_uq").on(t.runId),
    index("benchmark_runs_window_idx").on(t.network, t.startedAt),
  ],
);

/** One operation of a benchmark run; `metricKey` is the roadmap key it maps to, null when unmapped. */
export const benchmarkResults = pgTable(
  "benchmark_results",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => benchmarkRuns.id, { onDelete: "cascade" }),
    network: text("network").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    region: text("region"),
    sdk: text("sdk"),
    operation: text("operation").notNull(),
    metricKey: text("metric_key"),
    members: integer("members"),
    count: integer("count").notNull(),
    p50Ms: doublePrecision("p50_ms"),
    p95Ms: doublePrecision("p95_ms"),
    p99Ms: doublePrecision("p99_ms"),
    minMs: doublePrecision("min_ms"),
    maxMs: doublePrecision("max_ms"),
    meanMs: doublePrecision("mean_ms"),
    // Present when the runner sent raw durations: merged across runs for exact-to-2% percentiles.
    histogram: jsonb("histogram").$type<Histogram>(),
  },
  (t) => [
    index("benchmark_results_metric_idx").on(t.network, t.metricKey, t.startedAt),
    index("benchmark_results_run_idx").on(t.runId),
  ],
);

/**
 * Mapped benchmark results merged per metric, region, SDK and UTC hour or day, kept up to date as runs
 * arrive: what the latency charts read instead of every result. A null region or SDK is the rollup of
 * all of them (so any filter reads one row a bucket); '' is a run that named none.
 */
export const benchmarkRollups = pgTable(
  "benchmark_rollups",
  {
    network: text("network").notNull(),
    metricKey: text("metric_key").notNull(),
    region: text("region"),
    sdk: text("sdk"),
    granularity: text("granularity", { enum: ["hour", "day"] }).notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    histogram: jsonb("histogram").$type<Histogram>().notNull().default({}),
    // Results sent as summaries only: counted, but they cannot be merged into percentiles.
    summaryResults: integer("summary_results").notNull().default(0),
  },
  (t) => [
    unique("benchmark_rollups_bucket_uq")
      .on(t.network, t.granularity, t.metricKey, t.bucketStart, t.region, t.sdk)
      .nullsNotDistinct(),
  ],
);

/** Editable map from QA test ids (`groupsync-10`, `newGroup-100`) to roadmap keys. */
export const operationMappings = pgTable("operation_mappings", {
  pattern: text("pattern").primaryKey(), // exact id, or a trailing "-*" wildcard for any size
  metricKey: text("metric_key").notNull(),
  note: text("note"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const integrationTestRuns = pgTable(
  "integration_test_runs",
  {
    ...runColumns(),
    suite: text("suite").notNull(),
    sdk: text("sdk").notNull(),
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    skipped: integer("skipped").notNull().default(0),
    durationMs: doublePrecision("duration_ms"),
    format: text("format", { enum: INTEGRATION_FORMATS }).notNull(),
  },
  (t) => [
    uniqueIndex("integration_test_runs_run_id_uq").on(t.runId),
    index("integration_test_runs_latest_idx").on(t.network, t.sdk, t.suite, t.startedAt.desc().nullsFirst()),
  ],
);

export const integrationTestCases = pgTable(
  "integration_test_cases",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => integrationTestRuns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status", { enum: TEST_CASE_STATUSES }).notNull(),
    durationMs: doublePrecision("duration_ms"),
    message: text("message"),
  },
  (t) => [index("integration_test_cases_run_idx").on(t.runId)],
);

export const forkChecks = pgTable(
  "fork_checks",
  {
    ...runColumns(),
    groupsChecked: integer("groups_checked").notNull(),
    forkedGroups: integer("forked_groups").notNull(),
    operations: integer("operations"),
    details: jsonb("details"),
  },
  (t) => [
    uniqueIndex("fork_checks_run_id_uq").on(t.runId),
    index("fork_checks_window_idx").on(t.network, t.startedAt),
  ],
);

export const throughputRuns = pgTable(
  "throughput_runs",
  {
    ...runColumns(),
    kind: text("kind", { enum: THROUGHPUT_KINDS }).notNull(),
    // Null when the load tester's step objects did not say (they carry rates, not a node count).
    nodes: integer("nodes"),
    durationS: doublePrecision("duration_s"),
    messages: bigint("messages", { mode: "number" }).notNull(),
    errors: bigint("errors", { mode: "number" }).notNull().default(0),
    peakRps: doublePrecision("peak_rps"),
    errorPct: doublePrecision("error_pct"),
    // The load tester's per-step objects, kept as sent.
    steps: jsonb("steps").$type<Record<string, unknown>[]>(),
  },
  (t) => [
    uniqueIndex("throughput_runs_run_id_uq").on(t.runId),
    index("throughput_runs_window_idx").on(t.network, t.kind, t.startedAt),
  ],
);
