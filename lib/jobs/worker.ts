import type { Db } from "@/db/client";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import type { Env } from "../env";
import { ProbeClient } from "../probe/client";
import { runEvaluationJob } from "./evaluate";
import { runProbeJob } from "./probe";
import { runRegistrySyncJob } from "./registry-sync";
import { runRetentionJob, runRollupJob } from "./rollup";
import { startScheduler } from "./scheduler";

/** The jobs the worker runs: each network's registry sync and probe rounds, rollups, criteria evaluation and retention. */
export function startWorker(db: Db, env: Env) {
  const client = new ProbeClient({ allowPrivate: env.PROBE_ALLOW_PRIVATE });
  const scheduler = startScheduler([
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
    { name: "retention", intervalMs: 3_600_000, run: () => runRetentionJob(db, env, { trigger: "worker" }) },
  ]);
  return {
    stop: () => {
      scheduler.stop();
      void client.close();
    },
  };
}
