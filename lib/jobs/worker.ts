import type { Db } from "@/db/client";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import type { Env } from "../env";
import { startScheduler } from "./scheduler";
import { runSourceCheck } from "./source-check";

/** The jobs the worker runs. Later collectors (registry sync, probes, rollups, evaluation) join here. */
export function startWorker(db: Db, env: Env) {
  return startScheduler([
    { name: "source_check", intervalMs: 60_000, run: () => runSourceCheck(db, env) },
    { name: "probe_partitions", intervalMs: 3_600_000, run: () => ensureProbePartitions(db) },
  ]);
}
