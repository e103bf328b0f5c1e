import type { Db } from "@/db/client";
import { createIngestToken } from "@/db/mutations/tokens";
import { INGEST_SCOPES } from "@/lib/auth/scopes";
import type { Env } from "@/lib/env";
import type { BenchmarkRun, ForkCheck, IntegrationRun, ThroughputRun } from "@/lib/ingest/schemas";
import type { ProbeBackfill } from "@/lib/uptime/backfill";
import {
  benchmarksEndpoint,
  forkChecksEndpoint,
  integrationTestsEndpoint,
  throughputEndpoint,
} from "@/server/ingest/endpoints";
import type { IngestContext } from "@/server/ingest/handler";
import { evaluateAll } from "@/server/jobs/evaluate";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import { writeProbeBackfill } from "./probes";

export type DemoHistory = {
  benchmarks: BenchmarkRun[];
  integrationRuns: IntegrationRun[];
  forkChecks: ForkCheck[];
  throughputRuns: ThroughputRun[];
  probes: ProbeBackfill;
};

const DAY_MS = 86_400_000;
const JUDGED_DAYS = 30;

type Endpoint = (request: Request, context: IngestContext) => Promise<Response>;

/**
 * Writes a demo's QA history through the ingest endpoints themselves (a real Request, a demo token,
 * every check a runner's push meets), reads the demo registry once and judges every criterion, so
 * the dashboard opens on a judged roadmap rather than on "insufficient data" everywhere.
 */
export async function writeDemoHistory(
  db: Db,
  env: Env,
  history: DemoHistory,
  { now = new Date(), log = () => {} }: { now?: Date; log?: (line: string) => void } = {},
) {
  const { token } = await createIngestToken(db, { name: "demo", scopes: [...INGEST_SCOPES], actor: "demo" });
  // A backfill is many pushes at once: the per-token rate limit is for runners, not for this.
  const context: IngestContext = {
    db,
    env: { ...env, INGEST_RATE_LIMIT_PER_MIN: 1_000_000 },
    now: () => now,
  };
  const push = async (endpoint: Endpoint, runs: readonly { runId: string }[], what: string) => {
    for (const run of runs) {
      const request = new Request("http://demo.invalid/api/ingest", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(run),
      });
      const response = await endpoint(request, context);
      if (!response.ok)
        throw new Error(`the demo's ${what} ${run.runId} was refused: ${await response.text()}`);
    }
    log(`${runs.length} ${what}`);
  };
  await push(benchmarksEndpoint, history.benchmarks, "benchmark runs");
  await push(integrationTestsEndpoint, history.integrationRuns, "integration test runs");
  await push(forkChecksEndpoint, history.forkChecks, "fork checks");
  await push(throughputEndpoint, history.throughputRuns, "throughput runs");
  await runRegistrySyncJob(db, env, { network: "local", trigger: "cli" });
  await writeProbeBackfill(db, history.probes, {
    network: "local",
    days: 90,
    minuteDays: 2, // a month of minute rows would take most of the demo's start-up
    liveRegion: env.PROBE_REGION,
    now,
    log,
  });
  // The verdicts of the past month too, each judged from the data as it stood that day, so each
  // target's history page has a history to draw.
  for (let daysAgo = JUDGED_DAYS; daysAgo >= 1; daysAgo--)
    await evaluateAll(db, { now: new Date(now.getTime() - daysAgo * DAY_MS) });
  log(`roadmap judged once a day over the last ${JUDGED_DAYS} days`);
  const evaluation = await evaluateAll(db, { now });
  log(
    `roadmap judged: ${evaluation.pass} met, ${evaluation.fail} not met, ${evaluation.insufficient_data} without enough data`,
  );
  return evaluation;
}
