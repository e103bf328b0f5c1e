import { type DatabaseHandle, openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import type { Env } from "@/lib/env";

/** Opens the configured database, migrated and seeded, for one CLI run, and closes it after. */
export async function withDatabase<T>(env: Env, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR });
  try {
    await prepareDatabase(handle, env);
    return await run(handle);
  } finally {
    await handle.close();
  }
}
