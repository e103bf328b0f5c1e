import { chmodSync, unlinkSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { isCommandName, runCommand } from "./commands";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The running dashboard's control socket: while it holds the embedded database (which PGlite lets
 * only one process open), CLIs such as `npm run token:create` send it their command here instead.
 * A Unix socket beside the data directory, readable and writable by this user only: nothing on the
 * network can reach it. Answers `{result, lines}`, or `{error}` with 400 for a bad request and 422
 * when the command itself failed.
 */
export async function serveControl(db: Db, env: Env, socketPath: string) {
  // The caller holds the data directory's lock, so a socket file left there is a dead process's.
  unlinkQuietly(socketPath);
  const server = createServer((request, response) => void handle(db, env, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        unlinkQuietly(socketPath);
      }),
  };
}

async function handle(db: Db, env: Env, request: IncomingMessage, response: ServerResponse) {
  const reply = (status: number, body: object) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const name = /^\/commands\/([a-z:]+)$/.exec(request.url ?? "")?.[1] ?? "";
  if (request.method !== "POST" || !isCommandName(name))
    return reply(404, { error: `no such command: ${request.method} ${request.url}` });
  let args: unknown;
  try {
    args = JSON.parse(await readBody(request));
  } catch (error) {
    return reply(400, { error: `the command's arguments are not JSON: ${(error as Error).message}` });
  }
  const lines: string[] = [];
  try {
    const result = await runCommand(db, env, name, args, (line) => lines.push(line));
    reply(200, { result, lines });
  } catch (error) {
    if (error instanceof ZodError)
      return reply(400, {
        error: `bad arguments for ${name}: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      });
    reply(422, { error: error instanceof Error ? error.message : String(error), lines });
  }
}

async function readBody(request: IncomingMessage) {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) throw new Error(`larger than ${MAX_BODY_BYTES} bytes`);
  }
  return body;
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {}
}
