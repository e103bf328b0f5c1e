import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { claimTurn } from "@/db/mutations/job-leases";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import type { Env } from "@/lib/env";
import { ProbeClient } from "@/lib/probe/client";
import { runEvaluationJob } from "@/server/jobs/evaluate";
import { runProbeJob } from "@/server/jobs/probe";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import { runRetentionJob, runRollupJob } from "@/server/jobs/rollup";
import { type ScheduledJob, startScheduler } from "@/server/jobs/scheduler";

/** The jobs the worker runs: each network's registry sync and probe rounds, rollups, criteria evaluation and retention. */
export function startWorker(db: Db, env: Env, { shared }: { shared: boolean }) {
  const client = new ProbeClient({ allowPrivate: env.PROBE_ALLOW_PRIVATE });
  // Several app instances may share a Postgres database: each job's turn goes to one of them per
  // interval, held while it runs. PGlite is one process by construction: nothing to share.
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const claim = shared
    ? (job: ScheduledJob) => claimTurn(db, { name: job.name, holder, forMs: job.intervalMs * 0.9 })
    : undefined;
  const scheduler = startScheduler(
    [
      ...env.XMTP_NETWORKS.flatMap((network) => [
        {
          name: `registry_sync:${network}`,
          intervalMs: 60_000,
          run: () => runRegistrySyncJob(db, env, { network, trigger: "worker" }),
        },
        {
          name: `probe:${network}`,
          intervalMs: env.PROBE_INTERVAL_S * 1000,
          run: () => runProbeJob(db, env, { network, trigger: "worker", client }),
        },
      ]),
      { name: "rollup", intervalMs: 60_000, run: () => runRollupJob(db, { trigger: "worker" }) },
      { name: "evaluate", intervalMs: 300_000, run: () => runEvaluationJob(db, { trigger: "worker" }) },
      { name: "probe_partitions", intervalMs: 3_600_000, run: () => ensureProbePartitions(db) },
      {
        name: "retention",
        intervalMs: 3_600_000,
        run: () => runRetentionJob(db, env, { trigger: "worker" }),
      },
    ],
    { claim },
  );
  return {
    stop: () => {
      scheduler.stop();
      void client.close();
    },
  };
}
