import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { MIGRATIONS_DIR, migrateDatabase } from "@/db/migrate";
import { ensureProbePartitions } from "@/db/mutations/partitions";
import { createTestDatabase, TEST_DRIVER, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

const EXPECTED_TABLES = [
  "admin_sessions",
  "audit_log",
  "auth_nonces",
  "benchmark_results",
  "benchmark_rollups",
  "benchmark_runs",
  "criteria",
  "criterion_evaluations",
  "criterion_versions",
  "data_sources",
  "fork_checks",
  "incident_updates",
  "incidents",
  "ingest_tokens",
  "integration_test_cases",
  "integration_test_runs",
  "job_leases",
  "job_runs",
  "maintenance_windows",
  "milestones",
  "networks",
  "node_cursor_rollups",
  "node_cursor_snapshots",
  "nodes",
  "operation_mappings",
  "partner_runs",
  "partners",
  "payer_balances",
  "payer_events",
  "probes",
  "rate_limit_counters",
  "region_latency_rollups",
  "registry_events",
  "rollup_watermarks",
  "sdk_minimums",
  "stages",
  "sync_cursors",
  "throughput_runs",
  "uptime_rollups",
];

describe(`migrations on ${TEST_DRIVER}`, () => {
  it("runs on the server the environment selects: PostgreSQL with DATABASE_URL, PGlite without", async () => {
    const result = await test.handle.db.execute<{ version: string }>(sql`select version()`);
    const version = result.rows[0]?.version ?? "";
    expect(version.includes("PGlite")).toBe(TEST_DRIVER === "pglite");
  });

  it("create every table of the data model", async () => {
    const rows = await test.handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type in ('BASE TABLE') order by 1`,
    );
    const tables = rows.rows.map((row) => row.table_name).filter((name) => !name.startsWith("probes_"));
    // Sorted here: the database's collation orders "incident_updates" and "incidents" either way.
    expect([...tables].sort()).toEqual([...EXPECTED_TABLES].sort());
  });

  it("partition raw probes by time, with a default partition", async () => {
    const rows = await test.handle.db.execute<{ strategy: string; partitions: number }>(sql`
      select p.partstrat as strategy,
             (select count(*) from pg_inherits i where i.inhparent = 'probes'::regclass)::int as partitions
      from pg_partitioned_table p where p.partrelid = 'probes'::regclass`);
    expect(rows.rows).toEqual([{ strategy: "r", partitions: 1 }]);
  });

  it("store every time column as timestamptz", async () => {
    const rows = await test.handle.db.execute<{ column: string }>(sql`
      select table_name || '.' || column_name as column from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp without time zone'`);
    expect(rows.rows).toEqual([]);
  });

  it("are a no-op when applied again", async () => {
    const count = async () =>
      (
        await test.handle.db.execute<{ n: number }>(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )
      ).rows[0]?.n;
    const before = await count();
    await migrateDatabase(test.handle);
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});

describe("daily partitions of raw probes", () => {
  const probe = (at: string) =>
    sql`insert into probes (network, node_id, region, at, outcome) values ('testnet', 100, 'eu', ${at}::timestamptz, 'up')`;
  const partitionOf = async (at: string) =>
    (
      await test.handle.db.execute<{ part: string }>(
        sql`select tableoid::regclass::text as part from probes where at = ${at}::timestamptz`,
      )
    ).rows.map((row) => row.part);

  it("move rows the default partition holds into the new day's partition, at UTC day bounds", async () => {
    await test.handle.db.execute(
      sql`insert into networks (key, name, chain_id) values ('testnet', 'Testnet', 84532) on conflict do nothing`,
    );
    await test.handle.db.execute(probe("2026-03-01T23:59:59Z"));
    await test.handle.db.execute(probe("2026-03-02T00:00:00Z"));
    expect(await partitionOf("2026-03-01T23:59:59Z")).toEqual(["probes_default"]);

    const created = await ensureProbePartitions(test.handle.db, {
      now: new Date("2026-03-02T12:00:00Z"),
      daysAhead: 1,
    });
    expect(created).toBe(3); // 1 March (yesterday), 2 March (today), 3 March
    expect(await partitionOf("2026-03-01T23:59:59Z")).toEqual(["probes_20260301"]);
    expect(await partitionOf("2026-03-02T00:00:00Z")).toEqual(["probes_20260302"]);
  });

  it("are created once: a second call changes nothing", async () => {
    expect(
      await ensureProbePartitions(test.handle.db, { now: new Date("2026-03-02T12:00:00Z"), daysAhead: 1 }),
    ).toBe(0);
  });
});

/** A database migrated up to (not including) the migration `tag`, then handed to `check`. */
async function upgradeFrom(tag: string, check: (handle: DatabaseHandle) => Promise<void>) {
  const old = mkdtempSync(join(tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_DIR, old, { recursive: true });
  const journal = JSON.parse(readFileSync(join(old, "meta/_journal.json"), "utf8"));
  const upgrade = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, upgrade);
  writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
  const upgraded = await createTestDatabase({}, { migrate: false });
  try {
    await migrateDatabase(upgraded.handle, old);
    await upgraded.handle.db.execute(
      sql`insert into networks (key, name, chain_id, position) values ('testnet', 'Testnet', 84532, 0)`,
    );
    await check(upgraded.handle);
  } finally {
    await upgraded.drop();
    rmSync(old, { recursive: true, force: true });
  }
}

describe("upgrading a database migrated before incidents named several nodes", () => {
  it("gives each incident of one node that node, and one of none the whole network", async () => {
    await upgradeFrom("0013_incident_nodes", async (handle) => {
      await handle.db.execute(sql`insert into incidents (network, node_id, title, severity, status, started_at, created_by)
        values ('testnet', 200, 'one node', 'minor', 'resolved', now(), '0xteam'),
               ('testnet', null, 'whole network', 'minor', 'resolved', now(), '0xteam')`);
      await migrateDatabase(handle);
      const rows = await handle.db.execute<{ title: string; node_ids: number[] }>(
        sql`select title, node_ids from incidents order by id`,
      );
      expect(rows.rows).toEqual([
        { title: "one node", node_ids: [200] },
        { title: "whole network", node_ids: [] },
      ]);
    });
  });
});

describe("upgrading a database with partners of the first schema", () => {
  it("keeps each partner's site, SDK, listing and notes, and gives each its own link key", async () => {
    await upgradeFrom("0014_partners", async (handle) => {
      await handle.db.execute(sql`insert into partners (slug, name, website_url, network, sdk, sdk_version, is_public, notes)
        values ('converse', 'Converse', 'https://converse.xyz', 'testnet', 'xmtp-js', '2.0.0', true, 'ask Sam'),
               ('hidden', 'Hidden', null, 'testnet', null, null, false, null)`);
      await migrateDatabase(handle);
      const rows = await handle.db.execute<{
        slug: string;
        app_url: string | null;
        sdks: string[];
        listed: boolean;
        notes: string | null;
        access_key: string;
      }>(sql`select slug, app_url, sdks, listed, notes, access_key from partners order by id`);
      expect(rows.rows.map(({ access_key: _, ...row }) => row)).toEqual([
        {
          slug: "converse",
          app_url: "https://converse.xyz",
          sdks: ["xmtp-js"],
          listed: true,
          notes: "ask Sam",
        },
        { slug: "hidden", app_url: null, sdks: [], listed: false, notes: null },
      ]);
      const keys = rows.rows.map((row) => row.access_key);
      expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
      expect(new Set(keys).size).toBe(2);
    });
  });
});
