import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { openDatabase } from "@/db/client";
import { DEMO_DATABASE, freshDemoDatabase } from "@/db/demo-database";
import { lockDataDir } from "@/db/pglite-lock";
import { prepareDatabase } from "@/db/setup";
import { parseEnv } from "@/lib/env";
import { writeDemoHistory } from "@/server/demo/history";
import { writeDemoPartners } from "@/server/demo/partners";
import { DEMO_TEAM } from "@/server/demo/team";
import { demoResults } from "@/simulation/demo-history";
import { DEMO_PARTNERS, DEMO_SDK_MINIMUMS } from "@/simulation/demo-partners";
import { DEMO_REGIONS, demoProbeBackfill } from "@/simulation/demo-probes";
import { type DemoWorld, startDemoWorld } from "@/simulation/demo-world";

const usage = `
Usage: npm run demo [-- --data-dir DIR]

Runs the whole dashboard offline on a simulated XMTP network: a local EVM with the node registry and
7 registered nodes of 5 operators, the simulated xmtpd nodes behind them (probed live), and the
dashboard on PORT (default 3000) with its own embedded database, every page marked as simulated.
Each start begins clean. Ctrl-C stops everything it started. With DATABASE_URL set, the demo uses a
fresh database named xmtp_demo on that server instead (dropped and created at each start), never
the configured database itself.

  --data-dir DIR   where the demo's embedded database lives (default .data/demo; wiped at each start)
`;

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, help: { type: "boolean", short: "h" } },
  strict: true,
});
if (values.help) {
  console.log(usage.trim());
  process.exit(0);
}
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { PORT: port, databaseUrl } = parseEnv({
  PORT: process.env.PORT,
  DATABASE_URL: process.env.DATABASE_URL,
  POSTGRES_URL: process.env.POSTGRES_URL,
});
const dataDir = values["data-dir"] ?? ".data/demo";

let world: DemoWorld | undefined;
let server: ChildProcess | undefined;
let database: Awaited<ReturnType<typeof freshDemoDatabase>> | undefined;
let stopping = false;

async function stop(code: number, line: string) {
  if (stopping) return;
  stopping = true;
  server?.kill("SIGTERM");
  if (server && server.exitCode === null) await new Promise((resolve) => server?.once("exit", resolve));
  await world?.stop();
  await database?.release();
  console.log(line);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void stop(0, JSON.stringify({ stopped: true, signal })));

try {
  if (databaseUrl) database = await freshDemoDatabase(databaseUrl);
  else {
    // A demo still running on this directory is refused (naming it) rather than wiped from under it.
    lockDataDir(dataDir)();
    await rm(dataDir, { recursive: true, force: true });
  }
  const where = database ? `database ${DEMO_DATABASE} on ${new URL(database.url).host}` : dataDir;
  const started = performance.now();
  console.log("Starting the simulated network: a local EVM, the registry and 7 simulated nodes…");
  world = await startDemoWorld({ log: (line) => console.log(`  ${line}`) });
  console.log(`Simulated network ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  const demoEnv = {
    PORT: String(port),
    DATABASE_URL: database?.url ?? "",
    POSTGRES_URL: "",
    PGLITE_DIR: dataDir,
    DEMO_MODE: "1",
    // The demo's team member signs in without a wallet; a wallet of ADMIN_ADDRESSES may too.
    ADMIN_ADDRESSES: [process.env.ADMIN_ADDRESSES, DEMO_TEAM.address].filter(Boolean).join(","),
    XMTP_NETWORKS: "local",
    XMTP_NETWORK: "local",
    SETTLEMENT_RPC_URL: world.rpcUrl,
    NODE_REGISTRY_ADDRESS: world.registryAddress,
    NODE_REGISTRY_FROM_BLOCK: "0",
    PAYER_REGISTRY_ADDRESS: world.payerRegistryAddress,
    // The simulated nodes listen on loopback, which the prober refuses outside the demo and tests.
    PROBE_ALLOW_PRIVATE: "1",
    PROBE_INTERVAL_S: "10",
    PROBE_DEGRADED_MS: "500",
    PROBE_REGION: DEMO_REGIONS[0],
    WORKER: "inline",
  };
  console.log("Writing the demo's history through the ingest API…");
  const env = parseEnv({ ...process.env, ...demoEnv });
  const handle = await openDatabase(database ? { url: database.url } : { pgliteDir: dataDir });
  try {
    await prepareDatabase(handle, env);
    const now = new Date();
    const history = {
      ...demoResults("local", now),
      probes: demoProbeBackfill("local", now, { degradedMs: env.PROBE_DEGRADED_MS }),
    };
    await writeDemoHistory(handle.db, env, history, { now, log: (line) => console.log(`  ${line}`) });
    const gateways = world.gateways;
    await writeDemoPartners(handle.db, env, {
      partners: DEMO_PARTNERS.map((partner) => ({
        ...partner,
        gateway: gateways[partner.slug] as `0x${string}`,
      })),
      minimums: DEMO_SDK_MINIMUMS,
      now,
      log: (line) => console.log(`  ${line}`),
    });
  } finally {
    await handle.close();
  }
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: "inherit",
    env: { ...process.env, ...demoEnv },
  });
  server.on("exit", (code, signal) => {
    if (!stopping)
      void stop(1, JSON.stringify({ error: `the dashboard exited (${signal ?? `code ${code}`})` }));
  });
  console.log(`Demo dashboard starting on http://localhost:${port} (data in ${where}); Ctrl-C stops it all.`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  await stop(1, JSON.stringify({ error: message.split("\n").join(" ") }));
}
