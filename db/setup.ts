import type { Env } from "@/lib/env";
import { isDatabaseUnavailable, safeErrorMessage } from "@/lib/errors";
import { type DatabaseHandle, getDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { ensureProbePartitions } from "./mutations/partitions";
import { seedDatabase } from "./seed";

/** Migrates and seeds a database, and makes sure raw probes have partitions for the coming days. */
export async function prepareDatabase(handle: DatabaseHandle, env: Env) {
  try {
    await migrateDatabase(handle);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const variable = handle.driver === "postgres" ? "DATABASE_URL" : "PGLITE_DIR";
    throw new Error(
      `cannot reach the database at ${handle.location} (${variable}): ${safeErrorMessage(error)}`,
      { cause: error },
    );
  }
  await ensureProbePartitions(handle.db);
  return seedDatabase(handle.db, env);
}

const holder = globalThis as unknown as { __xmtpDashboardReady?: Promise<DatabaseHandle> };

/** The process-wide database, migrated and seeded once per process. */
export function getReadyDatabase(env: Env): Promise<DatabaseHandle> {
  holder.__xmtpDashboardReady ??= (async () => {
    const handle = await getDatabase(env);
    await prepareDatabase(handle, env);
    return handle;
  })().catch((error) => {
    holder.__xmtpDashboardReady = undefined;
    throw error;
  });
  return holder.__xmtpDashboardReady;
}
