import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";
import { E2E_WALLET } from "./tests/support/e2e-wallet";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${port}`;

// The suite's server is `npm run demo` on the production build: the simulated network a newcomer
// sees, on a fresh embedded database. Workers load this file again and inherit the directory.
const demoDir = process.env.E2E_DEMO_DIR ?? join(mkdtempSync(join(tmpdir(), "xmtp-e2e-")), "demo");
process.env.E2E_DEMO_DIR = demoDir;

// Specs that start their own servers (npm start, another demo) run after the rest, on a quiet machine.
const OWN_SERVERS = /(start-stop|fresh-start|demo-lifecycle)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Charts load after the page (their code is split out): on a busy 2-core CI machine that can take
  // longer than the default 5 s.
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    launchOptions: chromiumLaunchOptions(),
    trace: "retain-on-failure",
  },
  projects: [
    { name: "demo", testIgnore: OWN_SERVERS },
    { name: "own servers", testMatch: OWN_SERVERS, dependencies: ["demo"] },
  ],
  webServer: {
    command: `node_modules/.bin/tsx scripts/demo.ts --data-dir ${demoDir}`,
    url: `${E2E_BASE_URL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Ctrl-C, as a newcomer stops it: the demo stops its chain and nodes too.
    gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: "",
      POSTGRES_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // A team wallet the console test signs in with, beside the demo's own team member.
      ADMIN_ADDRESSES: E2E_WALLET.address,
    },
  },
});
