import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

// Kept on globalThis: the proxy and the app's routes are bundled apart but run in one process.
const state = globalThis as unknown as {
  __xmtpDashboardDatabaseDownSince?: number | null;
  __xmtpDashboardDatabaseFailures?: number;
};

/** Checks in a row that must fail before pages say the database is down: one slow answer is not an outage. */
const FAILURES_FOR_DOWN = 2;

/** Since when the database has failed to answer, or null while it answers. */
export function databaseDownSince(): Date | null {
  const since = state.__xmtpDashboardDatabaseDownSince;
  return since ? new Date(since) : null;
}

export function noteDatabase(up: boolean, at = new Date()) {
  if (up) {
    state.__xmtpDashboardDatabaseFailures = 0;
    state.__xmtpDashboardDatabaseDownSince = null;
    return;
  }
  const failures = (state.__xmtpDashboardDatabaseFailures ?? 0) + 1;
  state.__xmtpDashboardDatabaseFailures = failures;
  if (failures >= FAILURES_FOR_DOWN) state.__xmtpDashboardDatabaseDownSince ??= at.getTime();
}

/**
 * Asks a PostgreSQL server for `select 1` every few seconds, so pages can say soon that it is down
 * (PGlite lives in the process: it is never unreachable, only busy).
 */
export function watchDatabase(db: Db, { intervalMs = 5000, timeoutMs = 5000 } = {}) {
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
