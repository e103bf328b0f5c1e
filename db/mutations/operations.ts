import { type IncidentInput, incidentInput, type MaintenanceInput, maintenanceInput } from "@/lib/incidents";
import type { Db } from "../client";
import { incidents, maintenanceWindows } from "../schema";

/** Stores an announced maintenance window; the caller recomputes the rollups it covers. */
export async function announceMaintenance(db: Db, input: MaintenanceInput, actor: string) {
  const window = maintenanceInput.parse(input);
  const [row] = await db
    .insert(maintenanceWindows)
    .values({ ...window, createdBy: actor })
    .returning({ id: maintenanceWindows.id });
  return row;
}

export async function recordIncident(db: Db, input: IncidentInput, actor: string) {
  const incident = incidentInput.parse(input);
  const [row] = await db
    .insert(incidents)
    .values({ ...incident, createdBy: actor })
    .returning({ id: incidents.id });
  return row;
}
