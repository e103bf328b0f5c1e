import { eq } from "drizzle-orm";
import type { IncidentSeverity, IncidentStatus } from "@/lib/incidents";
import type { Db } from "../client";
import { auditLog, incidents, incidentUpdates, maintenanceWindows } from "../schema";

type By = { actor: string; at: Date };
export type NewIncident = {
  network: string;
  /** None: the whole network. */
  nodeIds: number[];
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  startedAt: Date;
  resolvedAt: Date | null;
  body: string;
};
export type IncidentUpdate = { status: IncidentStatus; body: string; resolvedAt: Date | null };
export type NewMaintenance = {
  network: string;
  nodeId: number | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An incident, its first update and its audit row, in one transaction. */
export async function openIncident(db: Db, incident: NewIncident, { actor, at }: By) {
  return db.transaction(async (tx) => {
    const { body, ...fields } = incident;
    const [row] = await tx
      .insert(incidents)
      .values({ ...fields, body, createdBy: actor, createdAt: at, updatedAt: at })
      .returning({ id: incidents.id });
    const id = row?.id as number;
    await tx
      .insert(incidentUpdates)
      .values({ incidentId: id, at, status: incident.status, body, createdBy: actor });
    await tx.insert(auditLog).values({
      actor,
      at,
      action: "incident.open",
      entityType: "incident",
      entityKey: String(id),
      network: incident.network,
      before: null,
      after: {
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        nodeIds: incident.nodeIds,
        startedAt: iso(incident.startedAt),
        resolvedAt: iso(incident.resolvedAt),
      },
    });
    return { id };
  });
}

/**
 * An update to an incident (its status, a markdown note, when it was resolved), kept beside the
 * earlier ones, with its audit row. Null for an unknown incident; a resolution before the start is
 * refused by the caller.
 */
export async function addIncidentUpdate(db: Db, id: number, update: IncidentUpdate, { actor, at }: By) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: incidents.status,
        resolvedAt: incidents.resolvedAt,
        startedAt: incidents.startedAt,
        network: incidents.network,
      })
      .from(incidents)
      .where(eq(incidents.id, id))
      .for("update");
    if (!row) return null;
    if (update.resolvedAt && update.resolvedAt <= row.startedAt) return { refused: "resolvedAt" as const };
    await tx
      .insert(incidentUpdates)
      .values({ incidentId: id, at, status: update.status, body: update.body, createdBy: actor });
    await tx
      .update(incidents)
      .set({ status: update.status, resolvedAt: update.resolvedAt, updatedAt: at })
      .where(eq(incidents.id, id));
    await tx.insert(auditLog).values({
      actor,
      at,
      action: "incident.update",
      entityType: "incident",
      entityKey: String(id),
      network: row.network,
      before: { status: row.status, resolvedAt: iso(row.resolvedAt) },
      after: { status: update.status, resolvedAt: iso(update.resolvedAt), update: update.body },
    });
    return { id };
  });
}

/** A maintenance window announced now, with its audit row; the caller recomputes the rollups it covers. */
export async function announceMaintenanceWindow(db: Db, window: NewMaintenance, { actor, at }: By) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(maintenanceWindows)
      .values({ ...window, announcedAt: at, createdBy: actor })
      .returning({ id: maintenanceWindows.id });
    const id = row?.id as number;
    await tx.insert(auditLog).values({
      actor,
      at,
      action: "maintenance.announce",
      entityType: "maintenance",
      entityKey: String(id),
      network: window.network,
      before: null,
      after: {
        title: window.title,
        nodeId: window.nodeId,
        startsAt: iso(window.startsAt),
        endsAt: iso(window.endsAt),
      },
    });
    return { id };
  });
}
