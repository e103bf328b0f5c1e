import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { ChartAnnotation } from "@/lib/charts/annotations";
import type { IncidentWithUpdates } from "@/lib/incidents";
import type { Db } from "../client";
import { incidents, incidentUpdates, maintenanceWindows } from "../schema";
import { maintenanceDuring } from "./rollup-inputs";

/** An incident that names node `nodeId`, or none (the whole network). */
export const affectsNode = (nodeId: number) =>
  sql`(${nodeId} = any(${incidents.nodeIds}) or cardinality(${incidents.nodeIds}) = 0)`;

/**
 * A network's incidents, open ones first then newest, with their updates oldest first; with
 * `nodeId`, those of that node and those of the whole network. `since` leaves out incidents
 * resolved before it.
 */
export async function getIncidents(
  db: Db,
  { network, nodeId, since, limit }: { network?: string; nodeId?: number; since?: Date; limit: number },
): Promise<IncidentWithUpdates[]> {
  const rows = await db
    .select({
      id: incidents.id,
      network: incidents.network,
      nodeIds: incidents.nodeIds,
      title: incidents.title,
      body: incidents.body,
      severity: incidents.severity,
      status: incidents.status,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
      createdBy: incidents.createdBy,
      updatedAt: incidents.updatedAt,
    })
    .from(incidents)
    .where(
      and(
        network === undefined ? undefined : eq(incidents.network, network),
        nodeId === undefined ? undefined : affectsNode(nodeId),
        since === undefined ? undefined : or(isNull(incidents.resolvedAt), gt(incidents.resolvedAt, since)),
      ),
    )
    .orderBy(sql`${incidents.resolvedAt} is null desc`, desc(incidents.startedAt), desc(incidents.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const updates = await db
    .select({
      incidentId: incidentUpdates.incidentId,
      at: incidentUpdates.at,
      status: incidentUpdates.status,
      body: incidentUpdates.body,
      createdBy: incidentUpdates.createdBy,
    })
    .from(incidentUpdates)
    .where(
      inArray(
        incidentUpdates.incidentId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(incidentUpdates.at), asc(incidentUpdates.id));
  return rows.map((row) => ({ ...row, updates: updates.filter((update) => update.incidentId === row.id) }));
}

/** Maintenance windows of a network that have not ended by `now`, soonest first. */
export async function getUpcomingMaintenance(db: Db, { network, now }: { network: string; now: Date }) {
  return db
    .select({
      id: maintenanceWindows.id,
      nodeId: maintenanceWindows.nodeId,
      title: maintenanceWindows.title,
      startsAt: maintenanceWindows.startsAt,
      endsAt: maintenanceWindows.endsAt,
      announcedAt: maintenanceWindows.announcedAt,
    })
    .from(maintenanceWindows)
    .where(and(eq(maintenanceWindows.network, network), gt(maintenanceWindows.endsAt, now)))
    .orderBy(asc(maintenanceWindows.startsAt));
}

/**
 * The incidents and maintenance windows of a network that overlap [from, to), oldest first, the
 * latest `limit` of each: with `nodeId`, those of that node and those of the whole network; with
 * `wholeNetwork`, only those of the whole network. What its charts mark.
 */
export async function getChartAnnotations(
  db: Db,
  {
    network,
    from,
    to,
    nodeId,
    wholeNetwork = false,
    limit = 50,
  }: { network: string; from: Date; to: Date; nodeId?: number; wholeNetwork?: boolean; limit?: number },
): Promise<ChartAnnotation[]> {
  const [incidentRows, maintenanceRows] = await Promise.all([
    db
      .select({
        id: incidents.id,
        nodeIds: incidents.nodeIds,
        title: incidents.title,
        severity: incidents.severity,
        from: incidents.startedAt,
        to: incidents.resolvedAt,
      })
      .from(incidents)
      .where(
        and(
          eq(incidents.network, network),
          lt(incidents.startedAt, to),
          or(isNull(incidents.resolvedAt), gt(incidents.resolvedAt, from)),
          nodeId === undefined ? undefined : affectsNode(nodeId),
          wholeNetwork ? sql`cardinality(${incidents.nodeIds}) = 0` : undefined,
        ),
      )
      .orderBy(desc(incidents.startedAt), desc(incidents.id))
      .limit(limit),
    db
      .select({
        id: maintenanceWindows.id,
        nodeId: maintenanceWindows.nodeId,
        title: maintenanceWindows.title,
        from: maintenanceWindows.startsAt,
        to: maintenanceWindows.endsAt,
      })
      .from(maintenanceWindows)
      .where(
        and(
          maintenanceDuring({ network, from, to }),
          nodeId === undefined
            ? undefined
            : or(eq(maintenanceWindows.nodeId, nodeId), isNull(maintenanceWindows.nodeId)),
          wholeNetwork ? isNull(maintenanceWindows.nodeId) : undefined,
        ),
      )
      .orderBy(desc(maintenanceWindows.startsAt), desc(maintenanceWindows.id))
      .limit(limit),
  ]);
  return [
    ...incidentRows.map((row) => ({
      kind: "incident" as const,
      ...row,
      from: row.from.toISOString(),
      to: row.to?.toISOString() ?? null,
    })),
    ...maintenanceRows.map(({ nodeId: node, ...row }) => ({
      kind: "maintenance" as const,
      ...row,
      nodeIds: node === null ? [] : [node],
      severity: null,
      from: row.from.toISOString(),
      to: row.to.toISOString(),
    })),
  ].sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind) || a.id - b.id);
}
