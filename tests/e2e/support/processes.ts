import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { expect } from "@playwright/test";
import { freePort } from "../../../simulation/free-port";

export type Started = {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  /** Ctrl-C, as a terminal sends it: SIGINT to the whole process group. */
  interrupt: () => void;
};

/**
 * Runs one of the product's commands (`scripts/*.ts`) as a newcomer's terminal would, in its own
 * process group, on a free port and with no database URL; resolves once it says it is ready.
 */
export async function startCommand(
  script: string,
  {
    args = [],
    env = {},
    readyWithin = 90_000,
  }: { args?: string[]; env?: Record<string, string>; readyWithin?: number },
): Promise<Started> {
  const port = await freePort();
  let output = "";
  const child = spawn("node_modules/.bin/tsx", [script, ...args], {
    detached: true,
    env: { ...process.env, PORT: String(port), DATABASE_URL: "", POSTGRES_URL: "", ...env },
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const interrupt = () => process.kill(-(child.pid ?? 0), "SIGINT");
  try {
    await expect.poll(() => output, { timeout: readyWithin }).toContain(`Ready on http://localhost:${port}`);
  } catch (error) {
    if (child.exitCode === null) process.kill(-(child.pid ?? 0), "SIGKILL");
    throw error;
  }
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited, interrupt };
}

/** Stops a started command for good (after a test that may have failed half-way). */
export async function stopCommand(started: Started | undefined) {
  if (!started || started.child.exitCode !== null) return;
  started.interrupt();
  const stopped = await Promise.race([started.exited, new Promise((r) => setTimeout(r, 20_000, "late"))]);
  if (stopped === "late") process.kill(-(started.child.pid ?? 0), "SIGKILL");
}

export const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(!!socket.end()));
    socket.once("error", () => resolve(false));
  });

export const lastLine = (text: string) => text.trim().split("\n").at(-1);
