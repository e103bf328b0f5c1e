import { parseScopes, TOKEN_NAME } from "@/lib/auth/tokens";
import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

const usage = `
Usage: npm run token:create -- --name NAME --scopes benchmarks,tests,forks,throughput,probes

Creates an ingest token for a data producer and prints it once, as the last line:
{"name":"qa","scopes":["benchmarks"],"token":"xdm_…"}. Only a hash of it is stored: keep it now.
`;

await runCli({
  usage,
  options: { name: { type: "string" }, scopes: { type: "string" } },
  main: async ({ values, env }) => {
    if (!values.name || !TOKEN_NAME.test(values.name)) {
      throw new Error(
        "--name is required: lowercase letters, digits, dots, dashes and underscores (at most 63)",
      );
    }
    if (!values.scopes) throw new Error("--scopes is required, e.g. --scopes benchmarks,tests");
    const scopes = parseScopes(values.scopes);
    return runDatabaseCommand(env, "token:create", { name: values.name, scopes });
  },
});
