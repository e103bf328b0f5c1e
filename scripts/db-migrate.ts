import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { runCli } from "./lib/cli";

const usage = `
Usage: npm run db:migrate

Applies the SQL migrations in db/migrations to the configured database:
PostgreSQL when DATABASE_URL (or POSTGRES_URL) is set, otherwise PGlite at PGLITE_DIR.
Prints a JSON summary as its last line.
`;

await runCli({
  usage,
  main: async ({ env }) => {
    const handle = await openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR });
    try {
      const count = async () => {
        try {
          const result = await handle.db.execute<{ n: number }>(
            sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
          );
          return result.rows[0]?.n ?? 0;
        } catch {
          return 0; // first run: the bookkeeping table does not exist yet
        }
      };
      const before = await count();
      await migrateDatabase(handle);
      const after = await count();
      return { driver: handle.driver, location: handle.location, applied: after - before, total: after };
    } finally {
      await handle.close();
    }
  },
});
