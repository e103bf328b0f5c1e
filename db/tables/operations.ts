import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from "@/lib/incidents";
import { networkRef } from "./networks";

export const incidents = pgTable(
  "incidents",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    network: networkRef(),
    // The nodes it affects; none: the whole network.
    nodeIds: integer("node_ids").array().notNull().default(sql`'{}'::integer[]`),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    severity: text("severity", { enum: INCIDENT_SEVERITIES }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("incidents_window_idx").on(t.network, t.startedAt)],
);

/** What the team said of an incident as it went: each update in markdown, with the status it set. */
export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: bigint("incident_id", { mode: "number" })
      .notNull()
      .references(() => incidents.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    body: text("body").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.at)],
);

/** Announced maintenance: excluded from the availability denominator. */
export const maintenanceWindows = pgTable(
  "maintenance_windows",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    network: networkRef(),
    nodeId: integer("node_id"), // null: every node of the network
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    announcedAt: timestamp("announced_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [index("maintenance_windows_idx").on(t.network, t.startsAt, t.endsAt)],
);
