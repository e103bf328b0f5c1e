import { runRetentionJob, runRollupJob } from "@/server/jobs/rollup";
import { runCli } from "./lib/cli";
import { withDatabase } from "./lib/database";

const usage = `
Usage: npm run rollup [-- --retention]

Brings every uptime and latency rollup (minute, hour, day) up to date with the probes stored so
far: each UTC hour that received probes since the last run, however late, is recomputed from raw
probes, then its day. Running it again changes nothing. The last line of output is a JSON summary:
{"hours":24,"days":2}

  --retention   also apply retention (RETENTION_PROBES_DAYS, RETENTION_MINUTES_DAYS, RETENTION_HOURS_DAYS)
`;

await runCli({
  usage,
  options: { retention: { type: "boolean" } },
  main: ({ values, env }) =>
    withDatabase(env, async (handle) => {
      const rollups = await runRollupJob(handle.db, { trigger: "cli" });
      if (!values.retention) return rollups;
      return { ...rollups, ...(await runRetentionJob(handle.db, env, { trigger: "cli" })) };
    }),
});
