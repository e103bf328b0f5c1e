import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import { runCli } from "./lib/cli";

const usage = `
Usage: npm run db:seed

Applies migrations, then inserts the roadmap (stages, milestones, criteria) and the operation map
where they are missing. Never overwrites rows the team has edited. Prints a JSON summary of what
it inserted as its last line.
`;

await runCli({
  usage,
  main: async ({ env }) => {
    const handle = await openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR });
    try {
      return { driver: handle.driver, inserted: await prepareDatabase(handle, env) };
    } finally {
      await handle.close();
    }
  },
});
