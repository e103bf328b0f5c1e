import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeFrame, encodeTrailers, GRPC_WEB_CONTENT_TYPE } from "@/lib/probe/grpc-web";

export type SeenRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };
export type Answer = (request: SeenRequest, response: ServerResponse) => unknown;

/**
 * A real HTTP server on 127.0.0.1 whose answer each test scripts (`server.answer = …`); it
 * records every request it read. Answers that never end are released by `close`.
 */
export type ScriptedServer = {
  url: string;
  port: number;
  answer: Answer;
  requests: SeenRequest[];
  close: () => Promise<void>;
};

export async function startScriptedServer(answer: Answer = (_, r) => r.end()): Promise<ScriptedServer> {
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      scripted.requests.push(seen);
      open.add(response);
      response.on("close", () => open.delete(response));
      void scripted.answer(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const scripted: ScriptedServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    answer,
    requests: [],
    close: async () => {
      for (const response of open) response.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return scripted;
}

/** A gRPC-Web answer: the message frames, then a trailer frame (if any trailers are given). */
export function grpcWeb(
  response: ServerResponse,
  messages: Uint8Array[],
  trailers: Record<string, string> | null = { "grpc-status": "0" },
  headers: Record<string, string> = { "content-type": GRPC_WEB_CONTENT_TYPE },
) {
  const frames = [
    ...messages.map((message) => encodeFrame(message)),
    ...(trailers ? [encodeTrailers(trailers)] : []),
  ];
  response.writeHead(200, headers).end(Buffer.concat(frames));
}
