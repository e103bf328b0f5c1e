import type { Env } from "@/lib/env";
import { type DatabaseHandle, getDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

/** Migrates and seeds a database. */
export async function prepareDatabase(handle: DatabaseHandle, env: Env) {
  await migrateDatabase(handle);
  return seedDatabase(handle.db, env);
}

const holder = globalThis as unknown as { __xmtpDashboardReady?: Promise<DatabaseHandle> };

/** The process-wide database, migrated and seeded once per process. */
export function getReadyDatabase(env: Env): Promise<DatabaseHandle> {
  holder.__xmtpDashboardReady ??= (async () => {
    const handle = await getDatabase();
    await prepareDatabase(handle, env);
    return handle;
  })().catch((error) => {
    holder.__xmtpDashboardReady = undefined;
    throw error;
  });
  return holder.__xmtpDashboardReady;
}
