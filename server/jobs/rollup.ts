import type { Db } from "@/db/client";
import { pruneSignIns } from "@/db/mutations/admin-auth";
import { withJobRun } from "@/db/mutations/job-runs";
import { dropOldProbes } from "@/db/mutations/probes";
import { pruneRateLimits } from "@/db/mutations/rate-limit";
import { pruneRollups, runRollups } from "@/db/mutations/rollups";
import type { Env } from "@/lib/env";
import type { JobTrigger } from "@/lib/job-runs";

/** Brings every rollup up to date with the probes stored so far (recorded as a job run). */
export function runRollupJob(db: Db, { trigger, now = new Date() }: { trigger: JobTrigger; now?: Date }) {
  return withJobRun(db, { job: "rollup", trigger }, () => runRollups(db, { now }));
}

/** Retention: raw probe partitions, minute and hour rollups past their configured age (day rollups stay), spent rate counters, used-up sign-in nonces and ended sessions. */
export function runRetentionJob(
  db: Db,
  env: Env,
  { trigger, now = new Date() }: { trigger: JobTrigger; now?: Date },
) {
  return withJobRun(db, { job: "retention", trigger }, async () => {
    const partitions = await dropOldProbes(db, { now, days: env.RETENTION_PROBES_DAYS });
    const rollups = await pruneRollups(db, {
      now,
      minuteDays: env.RETENTION_MINUTES_DAYS,
      hourDays: env.RETENTION_HOURS_DAYS,
    });
    const rateCounters = await pruneRateLimits(db, { now });
    const signIns = await pruneSignIns(db, now);
    return {
      droppedPartitions: partitions.length,
      minuteRows: rollups.minutes,
      hourRows: rollups.hours,
      rateCounters,
      signIns,
    };
  });
}
