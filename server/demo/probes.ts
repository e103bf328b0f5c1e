import type { Db } from "@/db/client";
import { announceMaintenance, recordIncident } from "@/db/mutations/operations";
import { insertProbes } from "@/db/mutations/probes";
import { rollupRegionMinutes, runRollups } from "@/db/mutations/rollups";
import { registrationsOf } from "@/db/queries/rollup-inputs";
import type { ProbeInput } from "@/lib/probe/record";
import { DAY_MS } from "@/lib/time";
import type { ProbeBackfill } from "@/lib/uptime/backfill";
import { bucketStart } from "@/lib/uptime/buckets";
import type { RegionMinute } from "@/lib/uptime/minutes";
import { daySpans } from "@/lib/uptime/rollups";

type Options = {
  network: string;
  days: number;
  /** Minute rollups are written for this many days back only; older windows read hours and days. */
  minuteDays: number;
  liveRegion: string;
  now: Date;
  log?: (line: string) => void;
};

/**
 * Writes `days` of probe history: the announced maintenance and incidents first (so the rollups
 * honour them), then each UTC day's region-minutes through the rollup rules, whole hours up to the
 * hour under way. That hour goes in as raw probes, so the live prober's rollups of it keep what
 * came before it.
 */
export async function writeProbeBackfill(
  db: Db,
  backfill: ProbeBackfill,
  { network, days, minuteDays, liveRegion, now, log = () => {} }: Options,
) {
  for (const window of backfill.maintenance) await announceMaintenance(db, window, "demo");
  for (const incident of backfill.incidents) await recordIncident(db, incident, "demo");
  const registeredAt = await registrationsOf(db, network);
  const hour = bucketStart(now.getTime(), "hour");
  const from = bucketStart(now.getTime() - (days - 1) * DAY_MS, "day");
  const minutesFrom = now.getTime() - minuteDays * DAY_MS;
  let minutes = 0;
  for (const span of daySpans(network, from, hour, from)) {
    const rows = backfill.minutes(span, registeredAt);
    minutes += rows.length;
    await rollupRegionMinutes(db, span, rows, { now, minutesFrom });
  }
  const current = backfill.minutes({ from: hour, to: now.getTime() }, registeredAt);
  for (const region of backfill.regions) {
    const probes = current.filter((row) => row.region === region).flatMap(probesOf);
    const source = region === liveRegion ? "local" : "remote";
    await insertProbes(db, { network, region, source }, probes);
  }
  await runRollups(db, { now });
  log(
    `${days} days of probes from ${backfill.regions.length} regions (${minutes + current.length} region-minutes)`,
  );
}

/** A region-minute as the probes that made it: spread over the minute, latencies in order. */
function probesOf(row: RegionMinute): ProbeInput[] {
  return Array.from({ length: row.probes }, (_, i) => {
    const latencyMs = row.latenciesMs[i - row.down] ?? null;
    const outcome = i < row.down ? "down" : i - row.down < row.degraded ? "degraded" : "up";
    return {
      nodeId: row.nodeId,
      at: new Date(row.minute + Math.floor((i * 60_000) / row.probes)),
      outcome,
      latencyMs: outcome === "down" ? null : latencyMs,
      errorClass: outcome === "down" ? "timeout" : null,
    };
  });
}
