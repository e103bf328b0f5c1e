import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

// Kept on globalThis: the proxy and the app's routes are bundled apart but run in one process.
const state = globalThis as unknown as { __xmtpDashboardDatabaseDownSince?: number | null };

/** Since when the database has failed to answer, or null while it answers. */
export function databaseDownSince(): Date | null {
  const since = state.__xmtpDashboardDatabaseDownSince;
  return since ? new Date(since) : null;
}

export function noteDatabase(up: boolean, at = new Date()) {
  if (up) state.__xmtpDashboardDatabaseDownSince = null;
  else state.__xmtpDashboardDatabaseDownSince ??= at.getTime();
}

/** Asks the database for `select 1` every few seconds, so pages can say at once that it is down. */
export function watchDatabase(db: Db, { intervalMs = 5000, timeoutMs = 2000 } = {}) {
  const check = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([db.execute(sql`select 1`), timeout]);
      noteDatabase(true);
    } catch {
      noteDatabase(false);
    } finally {
      clearTimeout(timer);
    }
  };
  const interval = setInterval(() => void check(), intervalMs);
  interval.unref();
  return { check, stop: () => clearInterval(interval) };
}
