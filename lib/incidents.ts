import { z } from "zod";

/** An incident's words, as the team posts it and the status history shows it. */
export const INCIDENT_SEVERITIES = ["minor", "major", "critical"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const title = z.string().trim().min(1).max(200);
const nodeId = z.number().int().positive().max(2_147_483_647);

/** The most nodes one incident names; more is the whole network. */
export const MAX_INCIDENT_NODES = 100;

/** A maintenance window as the team announces it: it must end after it starts. */
export const maintenanceInput = z
  .object({
    network: z.string(),
    nodeId: nodeId.nullable(),
    title,
    startsAt: z.date(),
    endsAt: z.date(),
    announcedAt: z.date(),
  })
  .refine((window) => window.startsAt < window.endsAt, "a maintenance window must end after it starts");
export type MaintenanceInput = z.infer<typeof maintenanceInput>;

/** An incident as the team posts it; a resolved one says when it ended, after it began. */
export const incidentInput = z
  .object({
    network: z.string(),
    nodeIds: z.array(nodeId).max(MAX_INCIDENT_NODES).default([]),
    title,
    body: z.string().max(20_000).default(""),
    severity: z.enum(INCIDENT_SEVERITIES),
    status: z.enum(INCIDENT_STATUSES),
    startedAt: z.date(),
    resolvedAt: z.date().nullable(),
  })
  .refine(
    (incident) => !incident.resolvedAt || incident.startedAt < incident.resolvedAt,
    "an incident must be resolved after it started",
  );
export type IncidentInput = z.input<typeof incidentInput>;

/** An incident as the pages and the feed show it, with what the team said as it went. */
export type IncidentWithUpdates = {
  id: number;
  network: string;
  /** The nodes it affects; none: the whole network. */
  nodeIds: number[];
  title: string;
  /** What was said when it was recorded (the updates hold what followed). */
  body: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  startedAt: Date;
  resolvedAt: Date | null;
  createdBy: string;
  updatedAt: Date;
  updates: { incidentId: number; at: Date; status: IncidentStatus; body: string; createdBy: string }[];
};
