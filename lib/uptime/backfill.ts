import type { IncidentInput, MaintenanceInput } from "../incidents";
import type { RegionMinute } from "./minutes";
import type { Registrations } from "./rollups";

/**
 * A probe history made up rather than measured (the demo's): what each region saw minute by minute
 * over any range, and the maintenance and incidents the team announced around it.
 */
export type ProbeBackfill = {
  regions: readonly string[];
  maintenance: readonly MaintenanceInput[];
  incidents: readonly IncidentInput[];
  minutes: (range: { from: number; to: number }, registeredAt: Registrations) => RegionMinute[];
};
