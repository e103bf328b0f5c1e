import { setTimeout as sleep } from "node:timers/promises";
import { NETWORK_KEYS, type NetworkKey } from "@/lib/env";
import { REGION_PATTERN, REGION_RULE } from "@/lib/limits";
import { ProbeClient } from "@/lib/probe/client";
import { ProbeSpool, toBatches } from "@/lib/probe/push";
import { registryTargets } from "@/lib/probe/registry-targets";
import { probeRound } from "@/lib/probe/round";
import { roundSettings, roundSummary, runProbeJob } from "@/server/jobs/probe";
import { runCli } from "./lib/cli";
import { withDatabase } from "./lib/database";

const usage = `
Usage: npm run probe -- --once [--network NAME] [--region NAME] [--push URL --token T] [--spool DIR]

Probes every node of the registry (GetVersion and GetSyncCursor over gRPC-Web) and stores the
results, or pushes them to a dashboard's /api/ingest/probes from another region. The last line of
output is a JSON summary: {"probed":7,"up":5,"degraded":1,"down":1,"durationMs":5012}

  --once             one round, then exit (without it: a round every PROBE_INTERVAL_S, until stopped)
  --network NAME     testnet, mainnet or local (default: every network of XMTP_NETWORKS)
  --region NAME      the region these probes are from (default PROBE_REGION)
  --push URL         send results to the dashboard at URL instead of writing a database; the node
                     list is read from the registry contract, results are spooled to disk first and
                     kept there until the dashboard accepts them
  --token T          an ingest token with the "probes" scope (or PROBE_PUSH_TOKEN)
  --spool DIR        where unsent batches wait (default PROBE_SPOOL_DIR, .data/probe-spool)
  --retries N        with --once --push, how often to retry an unreachable dashboard (default 3)
`;

await runCli({
  usage,
  options: {
    once: { type: "boolean" },
    network: { type: "string" },
    region: { type: "string" },
    push: { type: "string" },
    token: { type: "string" },
    spool: { type: "string" },
    retries: { type: "string" },
  },
  main: async ({ values, env }) => {
    if (values.network !== undefined && !(NETWORK_KEYS as readonly string[]).includes(values.network))
      throw new Error(`--network must be one of ${NETWORK_KEYS.join(", ")} (got "${values.network}")`);
    if (values.region !== undefined && !REGION_PATTERN.test(values.region))
      throw new Error(`--region ${REGION_RULE} (got "${values.region}")`);
    if (values.push !== undefined && !/^https?:\/\/[^/]/.test(values.push))
      throw new Error(`--push must be the dashboard's http(s) URL (got "${values.push}")`);
    const token = values.token ?? env.PROBE_PUSH_TOKEN;
    if (values.push && !token)
      throw new Error("--push needs --token (an ingest token with the probes scope)");
    if (values.retries !== undefined && !/^\d+$/.test(values.retries))
      throw new Error(`--retries must be a whole number (got "${values.retries}")`);
    const networks = values.network ? [values.network as NetworkKey] : env.XMTP_NETWORKS;
    const region = values.region ?? env.PROBE_REGION;
    const client = new ProbeClient({ allowPrivate: env.PROBE_ALLOW_PRIVATE });
    const log = (line: string) => console.error(line);

    const pushRound = async () => {
      const spool = new ProbeSpool(values.spool ?? env.PROBE_SPOOL_DIR);
      const summaries = [];
      for (const network of networks) {
        const targets = await registryTargets(env, network, { cacheDir: spool.dir, log });
        log(`probing ${targets.length} ${network} nodes from ${region}`);
        const round = await probeRound(client, targets, roundSettings(env));
        for (const batch of toBatches(network, region, round.results)) await spool.add(batch);
        summaries.push(roundSummary(network, region, round));
      }
      let report = await spool.deliver(values.push as string, token as string, { log });
      for (
        let attempt = 1;
        report.error && values.once && attempt <= Number(values.retries ?? 3);
        attempt++
      ) {
        log(
          `${report.error}; ${report.pending} batches kept in ${spool.dir}, retry ${attempt} in ${2 ** attempt} s`,
        );
        await sleep(2 ** attempt * 1000);
        const retry = await spool.deliver(values.push as string, token as string, { log });
        report = {
          ...retry,
          delivered: report.delivered + retry.delivered,
          stored: report.stored + retry.stored,
          duplicates: report.duplicates + retry.duplicates,
          rejected: report.rejected + retry.rejected,
          dropped: report.dropped + retry.dropped,
        };
      }
      if (report.error)
        log(`${report.error}; ${report.pending} batches stay in ${spool.dir} for the next run`);
      return {
        ...total(summaries),
        delivered: report.delivered,
        stored: report.stored,
        duplicates: report.duplicates,
        rejected: report.rejected,
        dropped: report.dropped,
        pending: report.pending,
      };
    };

    const localRound = () =>
      withDatabase(env, async (handle) => {
        const summaries = [];
        for (const network of networks) {
          const summary = await runProbeJob(handle.db, env, { network, region, trigger: "cli", client });
          log(
            `${network}: ${summary.probed} probed, ${summary.up} up, ${summary.degraded} degraded, ${summary.down} down`,
          );
          summaries.push(summary);
        }
        return total(summaries);
      });

    const round = values.push ? pushRound : localRound;
    try {
      if (values.once) return await round();
      for (;;) {
        const started = Date.now();
        const summary = await round().catch((error: Error) => ({ error: error.message }));
        console.log(JSON.stringify(summary));
        await sleep(Math.max(0, env.PROBE_INTERVAL_S * 1000 - (Date.now() - started)));
      }
    } finally {
      await client.close();
    }
  },
});

function total(
  summaries: {
    probed: number;
    up: number;
    degraded: number;
    down: number;
    skipped: number;
    durationMs: number;
  }[],
) {
  const sum = (key: "probed" | "up" | "degraded" | "down" | "skipped") =>
    summaries.reduce((acc, s) => acc + s[key], 0);
  return {
    probed: sum("probed"),
    up: sum("up"),
    degraded: sum("degraded"),
    down: sum("down"),
    skipped: sum("skipped"),
    durationMs: summaries.reduce((acc, s) => acc + s.durationMs, 0),
  };
}
