import pg from "pg";

export const DEMO_DATABASE = "xmtp_demo";

/**
 * A fresh database for `npm run demo` on the PostgreSQL server of `url`: `xmtp_demo` dropped and
 * created again, so the demo never writes into the configured database and each start is clean.
 * Held by an advisory lock on the configured database until `release`, so a second demo on the
 * same server is refused rather than dropping the first one's data from under it.
 */
export async function freshDemoDatabase(url: string): Promise<{ url: string; release: () => Promise<void> }> {
  const configured = new URL(url);
  if (configured.pathname.replace(/^\//, "") === DEMO_DATABASE)
    throw new Error(`DATABASE_URL names ${DEMO_DATABASE} itself: point it at another database on the server`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ locked: boolean }>(
      "select pg_try_advisory_lock(hashtext('xmtp-dashboard-demo')) as locked",
    );
    if (!rows[0]?.locked)
      throw new Error(`another npm run demo is using ${DEMO_DATABASE} on this server: stop it first`);
    await admin.query(`drop database if exists ${DEMO_DATABASE} with (force)`);
    await admin.query(`create database ${DEMO_DATABASE}`);
  } catch (error) {
    await admin.end();
    throw new Error(`could not make a fresh ${DEMO_DATABASE} database: ${(error as Error).message}`);
  }
  const demo = new URL(url);
  demo.pathname = `/${DEMO_DATABASE}`;
  return { url: demo.toString(), release: () => admin.end() };
}
