import type { Db } from "@/db/client";
import { withJobRun } from "@/db/mutations/job-runs";
import { insertProbes } from "@/db/mutations/probes";
import { probeTargets } from "@/db/queries/nodes";
import type { Env, NetworkKey } from "@/lib/env";
import type { JobTrigger } from "@/lib/job-runs";
import type { ProbeClient } from "@/lib/probe/client";
import { countOutcomes, probeRound, type RoundResult } from "@/lib/probe/round";

export type ProbeJobOptions = {
  network: NetworkKey;
  region?: string;
  trigger: JobTrigger;
  client: ProbeClient;
  now?: () => Date;
};

export function roundSettings(env: Env, now?: () => Date) {
  return {
    timeoutMs: env.PROBE_TIMEOUT_MS,
    degradedMs: env.PROBE_DEGRADED_MS,
    concurrency: env.PROBE_CONCURRENCY,
    // A round must end before the next one is due, and always leaves each probe its full timeout.
    deadlineMs: Math.max(env.PROBE_TIMEOUT_MS + 1000, env.PROBE_INTERVAL_S * 1000 - 1000),
    now,
  };
}

export function roundSummary(network: string, region: string, round: RoundResult) {
  return {
    network,
    region,
    probed: round.results.length,
    ...countOutcomes(round.results),
    skipped: round.skipped.length,
    durationMs: round.durationMs,
  };
}

/** One recorded probe round over a network's registry nodes, stored in this database. */
export async function runProbeJob(db: Db, env: Env, options: ProbeJobOptions) {
  const region = options.region ?? env.PROBE_REGION;
  return withJobRun(db, { job: "probe", network: options.network, trigger: options.trigger }, async () => {
    const targets = await probeTargets(db, options.network);
    const round = await probeRound(options.client, targets, roundSettings(env, options.now));
    await insertProbes(db, { network: options.network, region, source: "local" }, round.results);
    return roundSummary(options.network, region, round);
  });
}
