import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { histogramOf } from "@/lib/metrics/histogram";
import { freePort } from "../../simulation/free-port";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * A network's history at steady state, written straight into the tables the pages read: `nodes`
 * registry nodes (half canonical), day and hour rollups for `days` days, minute rollups, raw probes
 * for the last day, cursor snapshots every 5 minutes for 14 days and their hour and day rollups for all days (the pages read minutes only at
 * window edges and probes only for the state now), a QA benchmark run every hour, daily load tests,
 * daily fork checks and integration runs of 3 SDKs (with their cases), and an hourly evaluation history for every criterion (failing for 30 days,
 * then passing: two changes, the rest heartbeats).
 */
export async function seedHistory(db: Db, { nodes, days }: { nodes: number; days: number }) {
  const histogram = JSON.stringify(histogramOf(Array.from({ length: 120 }, (_, i) => 20 + ((i * 37) % 400))));
  const since = sql`date_trunc('day', now()) - make_interval(days => ${days})`;
  await db.execute(sql`
    insert into nodes (network, node_id, owner, signer, signing_public_key, http_address, is_canonical, registered_at, operator_name)
    select 'testnet', n * 100, '0x' || lpad(to_hex(n), 40, '0'), '0x' || lpad(to_hex(n), 40, 'b'), '0x04',
           'https://node-' || n || '.example.org', n % 2 = 0, ${since} - interval '1 day', 'operator ' || n
    from generate_series(1, ${nodes}) n`);
  const rollups = (granularity: string, step: string, from: ReturnType<typeof sql>, upMinutes: number) => sql`
    insert into uptime_rollups (network, node_id, granularity, bucket_start, up_minutes, down_minutes,
                                probe_count, failed_probe_count, latency_histogram, latency_count)
    select 'testnet', n.node_id, ${granularity}, b, ${upMinutes} - (n.node_id / 100 % 3), n.node_id / 100 % 3,
           ${upMinutes * 2}, n.node_id / 100 % 3, ${histogram}::jsonb, 120
    from nodes n, generate_series(${from}, date_trunc('minute', now()) - interval '1 minute', ${step}::interval) b
    where n.network = 'testnet'`;
  await db.execute(rollups("day", "1 day", since, 1440));
  await db.execute(rollups("hour", "1 hour", since, 60));
  await db.execute(rollups("minute", "1 minute", sql`now() - interval '1 day'`, 1));
  await db.execute(sql`
    insert into region_latency_rollups (network, node_id, region, granularity, bucket_start, probe_count, latency_histogram, latency_count)
    select 'testnet', n.node_id, 'bench', g.granularity, b, 120, ${histogram}::jsonb, 120
    from nodes n, (values ('day', interval '1 day'), ('hour', interval '1 hour')) g(granularity, step),
         generate_series(${since}, now() - interval '1 hour', g.step) b
    where n.network = 'testnet'`);
  await db.execute(sql`
    insert into probes (network, node_id, region, at, outcome, latency_ms, version, http_status, grpc_status)
    select 'testnet', n.node_id, 'bench', t, 'up', 42, 'v0.6.1', 200, 0
    from nodes n, generate_series(now() - interval '1 day', now(), interval '30 seconds') t
    where n.network = 'testnet'`);
  await db.execute(sql`
    insert into node_cursor_snapshots (network, node_id, region, at, cursor)
    select 'testnet', n.node_id, 'bench', t, jsonb_build_object('100', '1000', '200', (900 + n.node_id / 100)::text)
    from nodes n, generate_series(now() - interval '14 days', now(), interval '5 minutes') t
    where n.network = 'testnet'`);
  // The cursor rollups the ingest keeps: the last cursor of each hour and day, over the whole history.
  await db.execute(sql`
    insert into node_cursor_rollups (network, node_id, granularity, bucket_start, at, cursor)
    select 'testnet', n.node_id, g.granularity, b, b + g.step - interval '5 minutes',
           jsonb_build_object('100', '1000', '200', (900 + n.node_id / 100)::text)
    from nodes n, (values ('day', interval '1 day'), ('hour', interval '1 hour')) g(granularity, step),
         generate_series(${since}, now() - g.step, g.step) b
    where n.network = 'testnet'`);
  // QA: a fork check a day, and an integration run a day of each of 3 SDKs, every tenth failing two cases.
  await db.execute(sql`
    insert into fork_checks (run_id, network, started_at, body_hash, groups_checked, forked_groups)
    select 'bench-forks-' || d::date, 'testnet', d + interval '4 hours', md5(d::text), 2000, (extract(day from d)::int = 15)::int
    from generate_series(${since}, now() - interval '1 day', interval '1 day') d`);
  await db.execute(sql`
    insert into integration_test_runs (run_id, network, started_at, body_hash, suite, sdk, passed, failed, format)
    select 'bench-' || s || '-' || d::date, 'testnet', d + interval '5 hours', md5(s || d::text), s || ' integration', s,
           148 - 2 * (extract(doy from d)::int % 10 = 0)::int, 2 * (extract(doy from d)::int % 10 = 0)::int, 'json'
    from generate_series(${since}, now() - interval '1 day', interval '1 day') d,
         unnest(array['xmtp-js', 'xmtp-ios', 'xmtp-android']) s`);
  await db.execute(sql`
    insert into integration_test_cases (run_id, name, status, duration_ms)
    select r.id, 'case ' || c, case when c <= r.failed then 'failed' else 'passed' end, 100
    from integration_test_runs r, generate_series(1, 150) c
    where r.network = 'testnet' and r.run_id like 'bench-%' and c <= r.passed + r.failed`);
  await db.execute(sql`
    insert into criterion_evaluations (criterion_key, network, status, measured, target, unit, window_start, window_end, samples, evidence, evaluated_at, changed)
    select c.key, c.network, case when t < ${since} + interval '30 days' then 'fail' else 'pass' end,
           case when t < ${since} + interval '30 days' then 150 else 90 end, c.target, c.unit,
           t - interval '7 days', t, 500, '{}'::jsonb, t, t = ${since} or t = ${since} + interval '30 days'
    from criteria c, generate_series(${since}, now(), interval '1 hour') t`);
  // QA benchmarks: a run every hour, from one of 3 regions with one of 2 SDKs, of the seven mapped operations.
  await db.execute(sql`
    insert into benchmark_runs (run_id, network, started_at, body_hash, source, region, sdk)
    select 'bench-' || extract(epoch from t)::bigint, 'testnet', t, md5(t::text), 'bench',
           (array['us-east', 'eu-west', 'ap-south'])[1 + extract(hour from t)::int % 3],
           (array['xmtp-js', 'libxmtp'])[1 + extract(hour from t)::int % 2]
    from generate_series(${since}, now() - interval '1 hour', interval '1 hour') t`);
  await db.execute(sql`
    insert into benchmark_results (run_id, network, started_at, region, sdk, operation, metric_key, count, histogram)
    select r.id, r.network, r.started_at, r.region, r.sdk, m.operation, m.metric_key, 120, ${histogram}::jsonb
    from benchmark_runs r, (values ('groupsync-10', 'sync_group'), ('streamMessage-10', 'send_message'),
      ('newGroup-100', 'create_group_100'), ('create', 'register_identity'), ('addMember-10', 'add_member_10'),
      ('addMember-250', 'add_member_250'), ('updateName-10', 'rename_group_10')) m(operation, metric_key)
    where r.source = 'bench'`);
  // Load tests: a burst of each kind a day, and a sustained day a week on 3 to 5 nodes.
  await db.execute(sql`
    insert into throughput_runs (run_id, network, started_at, body_hash, kind, nodes, duration_s, messages, peak_rps)
    select 'bench-' || k.kind || '-' || d::date, 'testnet', d + interval '14 hours', md5(k.kind || d::text), k.kind, 3,
           60, 60 * k.rate, k.rate
    from generate_series(${since}, now() - interval '1 day', interval '1 day') d,
         (values ('offchain_burst', 1200), ('onchain_burst', 45)) k(kind, rate)
    union all
    select 'bench-sustained-' || d::date, 'testnet', d, md5(d::text), 'sustained_daily', 3 + extract(day from d)::int % 3,
           86400, 11000000, null
    from generate_series(${since}, now() - interval '1 day', interval '7 days') d`);
  // Their hour and day rollups, by the statement the rollups' migration rebuilds them with.
  const migration = readFileSync("db/migrations/0007_benchmark_rollups.sql", "utf8");
  await db.execute(sql.raw(migration.split("--> statement-breakpoint").at(-1) as string));
  await db.execute(sql`analyze`); // as autovacuum would have by then: plans from real statistics
}

/** Starts the production build (building it first if there is none) against the given database. */
export async function startApp(dbEnv: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("pages: no production build yet, running `next build` (a minute or two)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...process.env, ...dbEnv, WORKER: "off", NODE_ENV: "production", PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the app did not answer on ${url} within 2 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, stop: () => child.kill() };
}

/** Server response times of one page: `requests` sequential GETs after a warm-up, full body read. */
export async function timePage(url: string, { requests, warmUp = 5 }: { requests: number; warmUp?: number }) {
  const times: number[] = [];
  for (let i = 0; i < warmUp + requests; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${url} answered HTTP ${response.status}`);
    if (i >= warmUp) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)] ?? 0);
  return { requests, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round(times.at(-1) ?? 0) };
}

/** The JavaScript a first visit to a page downloads: every script file its HTML loads, gzipped. */
/** What only wallet code holds: a public page's scripts must hold none of it (it loads on /admin). */
const WALLET_MARKERS = ["eth_requestAccounts", "personal_sign"];

export async function firstLoadJs(
  url: string,
): Promise<{ files: number; gzipKb: number; walletCode: boolean }> {
  const html = await (await fetch(url)).text();
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] as string)),
  ];
  let bytes = 0;
  let walletCode = false;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer());
    bytes += gzipSync(body).length;
    walletCode ||= WALLET_MARKERS.some((marker) => body.includes(marker));
  }
  return { files: sources.length, gzipKb: Math.round((bytes / 1024) * 10) / 10, walletCode };
}
