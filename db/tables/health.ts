import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Histogram } from "@/lib/metrics/histogram";
import { PROBE_ERROR_CLASSES, PROBE_OUTCOMES, PROBE_SOURCES } from "@/lib/probe/record";
import { GRANULARITIES } from "@/lib/uptime/buckets";
import { networkRef } from "./networks";

/**
 * Raw probe results. Partitioned by day on `at` (see migration 0000): retention drops partitions.
 * The primary key makes a probe idempotent per (network, node, region, time).
 */
export const probes = pgTable(
  "probes",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    region: text("region").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    outcome: text("outcome", { enum: PROBE_OUTCOMES }).notNull(),
    latencyMs: doublePrecision("latency_ms"),
    version: text("version"),
    httpStatus: integer("http_status"),
    grpcStatus: integer("grpc_status"),
    errorClass: text("error_class", { enum: PROBE_ERROR_CLASSES }),
    error: text("error"),
    source: text("source", { enum: PROBE_SOURCES }).notNull().default("local"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.nodeId, t.region, t.at] }),
    index("probes_at_idx").on(t.at),
    // Incremental rollups find late arrivals (a remote prober's spool) by when they were received.
    index("probes_received_idx").on(t.receivedAt),
  ],
);

/** A node's replication cursor (vector clock) as seen by a probe: originator id → last sequence id. */
export const nodeCursorSnapshots = pgTable(
  "node_cursor_snapshots",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    region: text("region").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    // uint64 sequence ids as decimal strings: they can exceed Number.MAX_SAFE_INTEGER.
    cursor: jsonb("cursor").$type<Record<string, string>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.nodeId, t.region, t.at] }),
    index("node_cursor_snapshots_latest_idx").on(t.network, t.at.desc().nullsFirst()),
    // Each node's latest cursor, whatever region read it: one index probe per node. Descending
    // indexes are NULLS FIRST, the order `ORDER BY … DESC` asks for, so a LIMIT 1 reads one entry.
    index("node_cursor_snapshots_node_latest_idx").on(t.network, t.nodeId, t.at.desc().nullsFirst()),
  ],
);

/**
 * Each node's last sync cursor per UTC hour and day, kept up to date as snapshots arrive: the lag
 * history reads one row per node and bucket, and outlives the snapshots (hours as long as hour
 * rollups, days for good).
 */
export const nodeCursorRollups = pgTable(
  "node_cursor_rollups",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    granularity: text("granularity", { enum: ["hour", "day"] }).notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    cursor: jsonb("cursor").$type<Record<string, string>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.network, t.granularity, t.bucketStart, t.nodeId] })],
);

/** Per node and bucket, after the regional quorum rule: state minutes, probe counts, latency histogram. */
export const uptimeRollups = pgTable(
  "uptime_rollups",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    granularity: text("granularity", { enum: GRANULARITIES }).notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    upMinutes: integer("up_minutes").notNull().default(0),
    degradedMinutes: integer("degraded_minutes").notNull().default(0),
    downMinutes: integer("down_minutes").notNull().default(0),
    unknownMinutes: integer("unknown_minutes").notNull().default(0),
    maintenanceMinutes: integer("maintenance_minutes").notNull().default(0),
    probeCount: integer("probe_count").notNull().default(0),
    failedProbeCount: integer("failed_probe_count").notNull().default(0),
    latencyHistogram: jsonb("latency_histogram").$type<Histogram>().notNull().default({}),
    latencyCount: bigint("latency_count", { mode: "number" }).notNull().default(0),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.granularity, t.nodeId, t.bucketStart] }),
    index("uptime_rollups_window_idx").on(t.network, t.granularity, t.bucketStart),
  ],
);

/** Latency per node, probing region and bucket, for "latency by region". */
export const regionLatencyRollups = pgTable(
  "region_latency_rollups",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    region: text("region").notNull(),
    granularity: text("granularity", { enum: GRANULARITIES }).notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    probeCount: integer("probe_count").notNull().default(0),
    downCount: integer("down_count").notNull().default(0),
    latencyHistogram: jsonb("latency_histogram").$type<Histogram>().notNull().default({}),
    latencyCount: bigint("latency_count", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.granularity, t.nodeId, t.region, t.bucketStart] }),
    index("region_latency_rollups_window_idx").on(t.network, t.granularity, t.bucketStart),
  ],
);

/** Which minutes each rollup level has been brought up to date through (incremental rollups). */
export const rollupWatermarks = pgTable("rollup_watermarks", {
  name: text("name").primaryKey(),
  throughAt: timestamp("through_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
