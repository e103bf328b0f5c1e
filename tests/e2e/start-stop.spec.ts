import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { lastLine, listening, type Started, startCommand } from "./support/processes";

// What `npm start` runs (on the build the suite made), stopped the two ways it is stopped. npm's own
// wrapper is left out: it reports any Ctrl-C as 130 and does not pass SIGTERM on to its script.
test.describe.configure({ mode: "serial", timeout: 120_000 });

async function start(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "xmtp-start-"));
  const started = await startCommand("scripts/start.ts", {
    env: {
      PGLITE_DIR: join(dataDir, "pglite"),
      XMTP_NETWORKS: "testnet",
      TESTNET_RPC_URL: "http://127.0.0.1:4",
      WORKER: "inline",
    },
  });
  void started.exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  return started;
}

for (const [how, stop] of [
  ["Ctrl-C (SIGINT to the process group)", (started: Started) => started.interrupt()],
  ["SIGTERM to it alone", (started: Started) => started.child.kill("SIGTERM")],
] as const) {
  test(`npm start's command stops on ${how}: exit 0, one stopped line, nothing left listening`, async ({
    request,
  }) => {
    const started = await start();
    expect((await request.get(`${started.url}/methodology`)).status()).toBe(200);
    stop(started);
    expect(await started.exited).toBe(0);
    expect(lastLine(started.output())).toMatch(/^\{"stopped":true,"signal":"SIG(INT|TERM)"\}$/);
    expect(started.output()).not.toMatch(/error:|exited with/);
    expect(await listening(started.port)).toBe(false);
  });
}
