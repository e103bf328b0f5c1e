import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import {
  COMPARATORS,
  CRITERION_CATEGORIES,
  CRITERION_KINDS,
  CRITERION_STATUSES,
  MILESTONE_STATUSES,
  STAGE_STATUSES,
} from "@/lib/roadmap/vocabulary";
import { networkRef } from "./networks";

/** Roadmap stages. `declaredStatus` is the team's word; readiness is computed from criteria beside it. */
export const stages = pgTable("stages", {
  number: integer("number").primaryKey(),
  key: text("key").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  targetDate: text("target_date"), // as published: "Dec 2025", "after stage 2"
  network: networkRef(),
  declaredStatus: text("declared_status", { enum: STAGE_STATUSES }).notNull(),
  // Stage 3's 60-day migration countdown starts when the team starts it.
  countdownStartedAt: timestamp("countdown_started_at", { withTimezone: true }),
  countdownDays: integer("countdown_days"),
  note: text("note"), // the team's word beside its status, public
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});

export const milestones = pgTable(
  "milestones",
  {
    key: text("key").primaryKey(),
    stageNumber: integer("stage_number")
      .notNull()
      .references(() => stages.number),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("open"),
    evidenceUrl: text("evidence_url"),
    note: text("note"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [index("milestones_stage_idx").on(t.stageNumber, t.position)],
);

/** A measurable target of a stage (domain brief §3). */
export const criteria = pgTable(
  "criteria",
  {
    key: text("key").primaryKey(),
    stageNumber: integer("stage_number")
      .notNull()
      .references(() => stages.number),
    position: integer("position").notNull(),
    category: text("category", { enum: CRITERION_CATEGORIES }).notNull(),
    kind: text("kind", { enum: CRITERION_KINDS }).notNull(),
    title: text("title").notNull(),
    metric: text("metric").notNull(), // operation key, throughput kind, …: what the evaluator reads
    comparator: text("comparator", { enum: COMPARATORS }).notNull(),
    target: doublePrecision("target").notNull(),
    unit: text("unit").notNull(),
    baseline: doublePrecision("baseline"), // the V3 (centralized) figure, where one was published
    baselineLabel: text("baseline_label"),
    windowDays: integer("window_days").notNull(),
    minSamples: integer("min_samples").notNull(),
    network: networkRef(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    // Bumped by every change of the rule (target, comparator, window, minimum samples): see criterionVersions.
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("criteria_stage_idx").on(t.stageNumber, t.position)],
);

/** Each rule a criterion has been judged by, from when: evaluations name the version they read. */
export const criterionVersions = pgTable(
  "criterion_versions",
  {
    criterionKey: text("criterion_key")
      .notNull()
      .references(() => criteria.key),
    version: integer("version").notNull(),
    comparator: text("comparator", { enum: COMPARATORS }).notNull(),
    target: doublePrecision("target").notNull(),
    windowDays: integer("window_days").notNull(),
    minSamples: integer("min_samples").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    setBy: text("set_by"), // the team member's address; null for the published rule
  },
  (t) => [primaryKey({ columns: [t.criterionKey, t.version] })],
);

/** Stored only when status or value changes (or hourly), so history shows when each first passed. */
export const criterionEvaluations = pgTable(
  "criterion_evaluations",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    criterionKey: text("criterion_key")
      .notNull()
      .references(() => criteria.key),
    network: networkRef(),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: CRITERION_STATUSES }).notNull(),
    measured: doublePrecision("measured"),
    target: doublePrecision("target").notNull(),
    baseline: doublePrecision("baseline"),
    unit: text("unit").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    samples: integer("samples").notNull(),
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull().default({}),
    criterionVersion: integer("criterion_version").notNull().default(1),
    // false for an hourly heartbeat that repeats the row before it: timelines read only changes.
    changed: boolean("changed").notNull().default(true),
  },
  (t) => [
    index("criterion_evaluations_latest_idx").on(t.criterionKey, t.evaluatedAt.desc().nullsFirst()),
    index("criterion_evaluations_time_idx").on(t.network, t.evaluatedAt),
    index("criterion_evaluations_changes_idx").on(t.criterionKey, t.evaluatedAt).where(sql`${t.changed}`),
  ],
);
