import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import type { AdminContext } from "./http";

/** The app's database, environment and clock, for one admin request. */
export const adminContext = async (): Promise<AdminContext> => ({
  db: await getAppDb(),
  env: getEnv(),
  now: new Date(),
});
