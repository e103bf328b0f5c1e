import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import { runCli } from "./lib/cli";

const usage = `
Usage: npm start

Starts the dashboard in production mode on PORT (default 3000): builds it when no build exists
(rebuild after changes with \`npm run build\`), applies migrations, seeds the roadmap, then serves.
Without DATABASE_URL the data lives in PGlite at PGLITE_DIR (default .data/pglite).
`;

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

await runCli({
  usage,
  main: async ({ env }) => {
    // Ctrl-C reaches the whole process group (a build or the server stops on its own); SIGTERM only
    // this process, which passes it on. Either way the command ends with one "stopped" line, exit 0.
    let stopSignal: NodeJS.Signals | undefined;
    let server: ChildProcess | undefined;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        stopSignal = signal;
        server?.kill(signal);
      });
    }
    const stopped = () => ({ stopped: true, signal: stopSignal });
    if (!existsSync(".next/BUILD_ID")) {
      console.log("No production build yet: running `next build` (takes a minute or two)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
      if (build.signal) return { stopped: true, signal: build.signal };
      if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
    }
    // Migrate and seed here so a database problem stops start-up with a clear message; the
    // server's instrumentation hook repeats it as a no-op and keeps the database open.
    const handle = await openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR });
    try {
      await prepareDatabase(handle, env);
    } finally {
      await handle.close();
    }
    if (stopSignal) return stopped();
    console.log(`Database ready (${handle.location}). Serving on http://localhost:${env.PORT}`);
    server = spawn(process.execPath, ["scripts/serve.mjs"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", PORT: String(env.PORT) },
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server?.on("exit", (code, signal) => resolve({ code, signal })),
    );
    if (stopSignal && (exit.code === 0 || exit.signal)) return stopped();
    throw new Error(`the server exited with ${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}`);
  },
});
