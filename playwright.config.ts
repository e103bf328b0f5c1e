import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${port}`;

// The e2e server (tests/e2e/server.ts) runs the production build on a fresh embedded database (the
// newcomer's default), collecting a local EVM's registry; the public networks' RPCs point at a closed
// local port, since this machine has no outside network.
const dataDir = process.env.E2E_PGLITE_DIR ?? join(mkdtempSync(join(tmpdir(), "xmtp-e2e-")), "pglite");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    launchOptions: chromiumLaunchOptions(),
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node --import tsx tests/e2e/server.ts",
    url: `${E2E_BASE_URL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "",
      POSTGRES_URL: "",
      PGLITE_DIR: dataDir,
      TESTNET_RPC_URL: "http://127.0.0.1:4",
      MAINNET_RPC_URL: "http://127.0.0.1:4",
      WORKER: "inline",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
