import "server-only";
import { getEnv } from "@/lib/env";
import type { Db } from "./client";
import { getReadyDatabase } from "./setup";

/** The database for pages and route handlers: opened, migrated and seeded once per process. */
export async function getAppDb(): Promise<Db> {
  return (await getReadyDatabase(getEnv())).db;
}
