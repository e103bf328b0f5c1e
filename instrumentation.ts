export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getEnv } = await import("./lib/env");
  const { getReadyDatabase } = await import("./db/setup");
  const env = getEnv();
  const handle = await getReadyDatabase(env);
  console.log(`[db] ${handle.location}: migrated and seeded`);
  if (handle.driver === "postgres") {
    const { watchDatabase } = await import("@/server/db-health");
    watchDatabase(handle.db);
  }
  if (env.WORKER === "inline") {
    const { startWorker } = await import("@/server/jobs/worker");
    startWorker(handle.db, env, { shared: handle.driver === "postgres" });
    console.log("[worker] running inline");
  }
}
