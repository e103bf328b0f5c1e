import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

const usage = `
Usage: npm run token:revoke -- --name NAME

Revokes an ingest token: requests with it are refused from now on. Last line: {"name":…,"revokedAt":…}.
`;

await runCli({
  usage,
  options: { name: { type: "string" } },
  main: async ({ values, env }) => {
    const name = values.name;
    if (!name) throw new Error("--name is required");
    return runDatabaseCommand(env, "token:revoke", { name });
  },
});
