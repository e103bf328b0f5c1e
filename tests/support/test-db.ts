import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { type Env, parseEnv } from "@/lib/env";

export type TestDatabase = { handle: DatabaseHandle; env: Env; drop: () => Promise<void> };

/** The driver integration tests run on: Postgres when DATABASE_URL is set, PGlite otherwise. */
export const TEST_DRIVER = process.env.DATABASE_URL ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: a new Postgres database on the server named by
 * DATABASE_URL, or an in-memory PGlite (`migrate: false`: an empty one, for an upgrade to start from).
 * `drop` removes it.
 */
export async function createTestDatabase(
  envOverrides: Record<string, string> = {},
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const env = parseEnv({ NODE_ENV: "test", ...envOverrides });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    if (migrate) await migrateDatabase(handle);
    return { handle, env, drop: () => handle.close() };
  }
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  if (migrate) await migrateDatabase(handle);
  return {
    handle,
    env,
    drop: async () => {
      await handle.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
