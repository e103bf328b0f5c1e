// The production server: Next's request handler behind a Node HTTP server that first refuses the
// methods Next cannot turn into a web Request (TRACE, CONNECT, TRACK answer 500 inside Next).
import { createServer } from "node:http";
import next from "next";

const ALLOWED = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
const port = Number(process.env.PORT ?? 3000);
// Listens on every interface, as `next start` does (HOSTNAME is a container's name, not an address).
const app = next({ dev: false, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  // The connection's own address, over anything a client sent under this name.
  request.headers["x-client-address"] = request.socket.remoteAddress ?? "";
  if (ALLOWED.has(request.method ?? "")) return void handle(request, response);
  response.writeHead(405, {
    allow: [...ALLOWED].join(", "),
    "content-type": "application/json",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(
    JSON.stringify({ error: { code: "method_not_allowed", message: `${request.method} is not supported` } }),
  );
}).listen(port, () => console.log(`▲ Ready on http://localhost:${port}`));

// Ctrl-C or SIGTERM: stop taking requests, let the worker and database close, and exit 0.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 10_000).unref(); // a probe that will not end does not hold the exit
    server.close();
    server.closeIdleConnections();
    try {
      await globalThis[Symbol.for("dashboard.stop")]?.();
    } catch (error) {
      console.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(0);
  });
}
