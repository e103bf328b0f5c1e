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
  let worker: { stop: () => Promise<void> } | undefined;
  if (env.WORKER === "inline") {
    const { startWorker } = await import("@/server/jobs/worker");
    worker = startWorker(handle.db, env, { shared: handle.driver === "postgres" });
    console.log("[worker] running inline");
  }
  let control: { close: () => Promise<void> } | undefined;
  if (handle.driver === "pglite" && !env.PGLITE_DIR.startsWith("memory://")) {
    // CLIs cannot open the embedded database while this process holds it: they ask here instead.
    const { controlSocketPath } = await import("@/db/pglite-lock");
    const { serveControl } = await import("@/server/control/socket");
    const socketPath = controlSocketPath(env.PGLITE_DIR);
    control = await serveControl(handle.db, env, socketPath).catch((error: Error) => {
      console.error(
        `[control] no socket at ${socketPath} (${error.message}): CLIs need the dashboard stopped`,
      );
      return undefined;
    });
    if (control) console.log(`[control] CLIs run their commands through ${socketPath}`);
  }
  // scripts/serve.mjs calls this on SIGINT/SIGTERM: running probes finish, the database closes.
  (globalThis as Record<symbol, unknown>)[Symbol.for("dashboard.stop")] = async () => {
    await control?.close();
    await worker?.stop();
    await handle.close();
  };
}
