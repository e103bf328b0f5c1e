import { createServer, type Server } from "node:http";
import type { Endpoint } from "./ingest";
import type { TestDatabase } from "./test-db";

/**
 * The dashboard's ingest endpoints behind a real HTTP server on a fixed port, which can be stopped
 * and started again: a dashboard that goes away and comes back at the same address.
 */
export function ingestServer(test: TestDatabase, routes: Record<string, Endpoint>, port: number) {
  let server: Server | undefined;
  let requests = 0;
  const handler = createServer(async (incoming, outgoing) => {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? "/", `http://127.0.0.1:${port}`);
    const endpoint = routes[url.pathname];
    if (!endpoint) {
      outgoing.writeHead(404).end();
      return;
    }
    const request = new Request(url, {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await endpoint(request, { db: test.handle.db, env: test.env });
    outgoing
      .writeHead(response.status, Object.fromEntries(response.headers))
      .end(Buffer.from(await response.arrayBuffer()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    start: () =>
      new Promise<void>((resolve) => {
        server = handler.listen(port, "127.0.0.1", () => resolve());
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server?.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
