import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { SOURCE_STATUSES } from "@/lib/chain/network-state";
import { JOB_OUTCOMES, JOB_TRIGGERS } from "@/lib/job-runs";

export const networks = pgTable("networks", {
  key: text("key").primaryKey(), // testnet | mainnet | local
  name: text("name").notNull(),
  chainId: integer("chain_id").notNull(),
  registryAddress: text("registry_address"),
  registryFromBlock: bigint("registry_from_block", { mode: "number" }).notNull().default(0),
  explorerUrl: text("explorer_url"),
  isCollected: boolean("is_collected").notNull().default(false),
  // As the registry contract last reported them.
  maxCanonicalNodes: integer("max_canonical_nodes"),
  canonicalNodesCount: integer("canonical_nodes_count"),
  position: integer("position").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The network a row belongs to: every network-scoped table carries one. */
export const networkRef = () =>
  text("network")
    .notNull()
    .references(() => networks.key);

/** Health of each outside source (an RPC, the prober's round): what the dashboard shows when one is unreachable. */
export const dataSources = pgTable(
  "data_sources",
  {
    network: networkRef(),
    source: text("source").notNull(), // rpc | registry | prober | ingest
    endpoint: text("endpoint"),
    status: text("status", { enum: SOURCE_STATUSES }).notNull().default("unknown"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastOkAt: timestamp("last_ok_at", { withTimezone: true }),
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastError: text("last_error"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.network, t.source] })],
);

/** One row per scheduled or CLI job run: start, end, outcome, error. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    job: text("job").notNull(), // registry_sync | probe | rollup | evaluate | source_check | retention
    network: text("network").references(() => networks.key),
    trigger: text("trigger", { enum: JOB_TRIGGERS }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: text("outcome", { enum: JOB_OUTCOMES }).notNull().default("running"),
    error: text("error"),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("job_runs_job_started_idx").on(t.job, t.network, t.startedAt.desc().nullsFirst()),
    index("job_runs_failed_idx").on(t.startedAt.desc().nullsFirst()).where(sql`${t.outcome} = 'failed'`),
  ],
);

/**
 * Which app instance has the current turn of a scheduled job: with several instances behind a load
 * balancer, each job still runs once per interval. A turn is claimed atomically and expires by itself,
 * so an instance that dies holds nothing.
 */
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(), // the scheduler's job name, e.g. probe:testnet
  holder: text("holder").notNull(),
  until: timestamp("until", { withTimezone: true }).notNull(),
});
