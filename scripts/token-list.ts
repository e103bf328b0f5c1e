import type { listIngestTokens } from "@/db/mutations/tokens";
import { formatUtc } from "@/lib/format";
import { runCli } from "./lib/cli";
import { runDatabaseCommand } from "./lib/database";

const usage = `
Usage: npm run token:list

Lists ingest tokens (never the tokens themselves): name, scopes, created, last used, revoked.
The last line is JSON: {"tokens":[…]}.
`;

await runCli({
  usage,
  main: async ({ env }) => {
    const { tokens } = (await runDatabaseCommand(env, "token:list", {})) as {
      tokens: Awaited<ReturnType<typeof listIngestTokens>>;
    };
    for (const token of tokens) {
      const state = token.revokedAt ? `revoked ${formatUtc(new Date(token.revokedAt))}` : "active";
      const used = token.lastUsedAt ? `last used ${formatUtc(new Date(token.lastUsedAt))}` : "never used";
      console.log(`${token.name.padEnd(20)} ${token.scopes.join(",").padEnd(40)} ${state}, ${used}`);
    }
    if (tokens.length === 0) console.log("No ingest tokens yet: create one with npm run token:create.");
    return { tokens };
  },
});
