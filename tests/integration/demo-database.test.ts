import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_DATABASE, freshDemoDatabase } from "@/db/demo-database";

// `npm run demo` with DATABASE_URL set: its own database on that server, fresh at each start.
const configured = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const marker = `demo_marker_${process.pid}`;

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => query(configured, `drop table if exists ${marker}`));

describe("the demo's database on a PostgreSQL server", () => {
  it("is a fresh xmtp_demo at each start, held against a second demo, never the configured one", async () => {
    await query(configured, `create table ${marker} (id int)`);
    const first = await freshDemoDatabase(configured);
    expect(new URL(first.url).pathname).toBe(`/${DEMO_DATABASE}`);
    await query(first.url, "create table left_over (id int)");
    await expect(freshDemoDatabase(configured)).rejects.toThrow(/another npm run demo is using xmtp_demo/);
    await first.release();

    const second = await freshDemoDatabase(configured);
    const tables = await query(second.url, "select tablename from pg_tables where schemaname = 'public'");
    expect(tables).toEqual([]);
    await second.release();
    // The configured database keeps what it had.
    expect(await query(configured, `select to_regclass('${marker}') as t`)).toEqual([{ t: marker }]);
  });

  it("refuses a DATABASE_URL that names the demo's database itself", async () => {
    const url = new URL(configured);
    url.pathname = `/${DEMO_DATABASE}`;
    await expect(freshDemoDatabase(url.toString())).rejects.toThrow(/names xmtp_demo itself/);
  });
});
