import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { claimTurn } from "@/db/mutations/job-leases";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import type { Env } from "@/lib/env";
import { PAYER_CHECK_INTERVAL_MS } from "@/lib/partners/vocabulary";
import { ProbeClient } from "@/lib/probe/client";
import { runEvaluationJob } from "@/server/jobs/evaluate";
import { runPayerCheckJob } from "@/server/jobs/payer-check";
import { startProber } from "@/server/jobs/prober";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import { runRetentionJob, runRollupJob } from "@/server/jobs/rollup";
import { type ScheduledJob, startScheduler } from "@/server/jobs/scheduler";

/** A network's probing stays with the instance that claims it for this long, renewed every 10 s. */
const PROBE_TURN_MS = 30_000;

/** The jobs the worker runs: each network's registry sync and probing, rollups, criteria evaluation and retention. */
export function startWorker(db: Db, env: Env, { shared }: { shared: boolean }) {
  const client = new ProbeClient({ allowPrivate: env.PROBE_ALLOW_PRIVATE });
  // Several app instances may share a Postgres database: each job's turn goes to one of them per
  // interval, held while it runs. PGlite is one process by construction: nothing to share.
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const claim = shared
    ? (job: ScheduledJob) => claimTurn(db, { name: job.name, holder, forMs: job.intervalMs * 0.9 })
    : undefined;
  // Each network's nodes are probed on their own schedules; its probing is held by one instance.
  const probers = new Map(
    env.XMTP_NETWORKS.map((network) => [
      network,
      startProber(db, env, {
        network,
        client,
        claim: shared
          ? () => claimTurn(db, { name: `probe:${network}`, holder, forMs: PROBE_TURN_MS })
          : undefined,
      }),
    ]),
  );
  const scheduler = startScheduler(
    [
      ...env.XMTP_NETWORKS.map((network) => ({
        name: `registry_sync:${network}`,
        intervalMs: 60_000,
        run: async () => {
          const summary = await runRegistrySyncJob(db, env, { network, trigger: "worker" });
          // Nodes the registry just listed are probed now, not at the prober's next look.
          await probers.get(network)?.refresh();
          return summary;
        },
      })),
      ...env.XMTP_NETWORKS.map((network) => ({
        name: `payer_check:${network}`,
        intervalMs: PAYER_CHECK_INTERVAL_MS,
        run: () => runPayerCheckJob(db, env, { network, trigger: "worker" }),
      })),
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
    stop: async () => {
      scheduler.stop();
      await Promise.all([...probers.values()].map((prober) => prober.stop()));
      await client.close();
    },
  };
}
