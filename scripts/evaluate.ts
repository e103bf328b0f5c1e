import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

const usage = `
Usage: npm run evaluate [-- --quiet]

Evaluates every roadmap criterion now from the measured data (benchmarks, throughput runs, probes'
rollups, fork checks, integration tests, the registry) and stores each result that changed (or an
hourly heartbeat). Prints one line per criterion; the last line is a JSON summary:
{"criteria":15,"pass":3,"fail":2,"insufficient_data":10,"stored":15,"errors":0}

  --quiet   only the summary
`;

await runCli({
  usage,
  options: { quiet: { type: "boolean" } },
  main: ({ values, env }) =>
    runDatabaseCommand(env, "evaluate", {}, values.quiet ? undefined : (line) => console.error(line)),
});
