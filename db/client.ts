import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type Env, getEnv } from "@/lib/env";
import { lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

/** What both drivers return from `execute`: rows, typed by the caller. */
type Rows<T> = { rows: T[] };
export interface RowsResultHKT extends PgQueryResultHKT {
  type: Rows<this["row"]>;
}

export type Db = PgDatabase<RowsResultHKT, typeof schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type HandleBase = {
  db: Db;
  /** Where the data lives, without credentials: for logs and the status line. */
  location: string;
  close: () => Promise<void>;
};

export type DatabaseHandle =
  | (HandleBase & { driver: "postgres"; pool: pg.Pool })
  | (HandleBase & { driver: "pglite"; client: PGlite });

export type DatabaseConfig = { url?: string; pgliteDir?: string };

/** `url` → node-postgres pool; otherwise PGlite at `pgliteDir` ("memory://" for a throwaway one). */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      idleTimeoutMillis: 30_000,
      // Page queries are short: JIT compiling one costs more (20–60 ms) than running it.
      options: "-c jit=off",
    });
    // Idle clients can error when the server restarts; without a listener that would crash the process.
    pool.on("error", (error) => console.error(`[db] idle client error: ${error.message}`));
    const location = redact(config.url);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, driver: "postgres", pool, location, close: () => pool.end() };
  }
  const dir = config.pgliteDir ?? ".data/pglite";
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(dir);
  try {
    const client = await PGlite.create(dir);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      client,
      location: inMemory ? "PGlite (in memory)" : `PGlite at ${dir}`,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  parsed.username = "";
  return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
}

// One client per process, kept on globalThis so dev-server module reloads reuse it.
const holder = globalThis as unknown as { __xmtpDashboardDb?: Promise<DatabaseHandle> };

export function getDatabase(env: Env = getEnv()): Promise<DatabaseHandle> {
  if (!holder.__xmtpDashboardDb) {
    holder.__xmtpDashboardDb = openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR }).catch(
      (error) => {
        holder.__xmtpDashboardDb = undefined;
        throw error;
      },
    );
  }
  return holder.__xmtpDashboardDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const handle = holder.__xmtpDashboardDb;
  holder.__xmtpDashboardDb = undefined;
  (globalThis as { __xmtpDashboardReady?: unknown }).__xmtpDashboardReady = undefined; // db/setup.ts
  if (handle) await (await handle).close();
}
