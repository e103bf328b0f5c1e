import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

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
  main: ({ values, env }) => runDatabaseCommand(env, "rollup", { retention: values.retention ?? false }),
});
