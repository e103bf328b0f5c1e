import { resolve } from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_DIR = resolve(process.cwd(), "db/migrations");

// Any fixed key: serialises migrations when several app instances start at once.
const MIGRATION_LOCK_KEY = 0x786d7470; // "xmtp"

/** Applies the migrations not applied yet (those of `folder`: a test can stop at an earlier one). */
export async function migrateDatabase(handle: DatabaseHandle, folder = MIGRATIONS_DIR): Promise<void> {
  const config = { migrationsFolder: folder };
  if (handle.driver === "pglite") {
    await migratePglite(drizzlePglite({ client: handle.client }), config);
    return;
  }
  // A session-level lock needs one connection for lock, migrations and unlock.
  const connection = await handle.pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client: connection }), config);
  } finally {
    // A connection that could not unlock still holds the lock: destroy it rather than pool it.
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch((error: Error) => {
      broken = error;
    });
    connection.release(broken);
  }
}
