import type { Db } from "@/db/client";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import type { Env } from "../env";
import { runRegistrySyncJob } from "./registry-sync";
import { startScheduler } from "./scheduler";

/** The jobs the worker runs. Later collectors (probes, rollups, evaluation) join here. */
export function startWorker(db: Db, env: Env) {
  return startScheduler([
    ...env.XMTP_NETWORKS.map((network) => ({
      name: `registry_sync:${network}`,
      intervalMs: 60_000,
      run: () => runRegistrySyncJob(db, env, { network, trigger: "worker" }),
    })),
    { name: "probe_partitions", intervalMs: 3_600_000, run: () => ensureProbePartitions(db) },
  ]);
}
