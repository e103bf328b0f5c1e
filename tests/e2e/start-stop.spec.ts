import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../simulation/free-port";

// What `npm start` runs (on the build the suite made), stopped the two ways it is stopped. npm's own
// wrapper is left out: it reports any Ctrl-C as 130 and does not pass SIGTERM on to its script.
test.describe.configure({ mode: "serial", timeout: 120_000 });

type Started = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function start(): Promise<Started> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "xmtp-start-"));
  let output = "";
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    detached: true, // its own process group, as a terminal's foreground job is
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: "",
      POSTGRES_URL: "",
      PGLITE_DIR: join(dataDir, "pglite"),
      XMTP_NETWORKS: "testnet",
      TESTNET_RPC_URL: "http://127.0.0.1:4",
      WORKER: "inline",
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  await expect.poll(() => output, { timeout: 90_000 }).toContain(`Ready on http://localhost:${port}`);
  return { child, port, output: () => output, exited };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(!!socket.end()));
    socket.once("error", () => resolve(false));
  });

const lastLine = (text: string) => text.trim().split("\n").at(-1);

for (const [how, stop] of [
  [
    "Ctrl-C (SIGINT to the process group)",
    (child: ChildProcess) => process.kill(-(child.pid ?? 0), "SIGINT"),
  ],
  ["SIGTERM to it alone", (child: ChildProcess) => child.kill("SIGTERM")],
] as const) {
  test(`npm start's command stops on ${how}: exit 0, one stopped line, nothing left listening`, async ({
    request,
  }) => {
    const started = await start();
    expect((await request.get(`http://127.0.0.1:${started.port}/methodology`)).status()).toBe(200);
    stop(started.child);
    expect(await started.exited).toBe(0);
    expect(lastLine(started.output())).toMatch(/^\{"stopped":true,"signal":"SIG(INT|TERM)"\}$/);
    expect(started.output()).not.toMatch(/error:|exited with/);
    expect(await listening(started.port)).toBe(false);
  });
}
