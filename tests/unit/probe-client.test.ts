import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkHealth,
  GET_SYNC_CURSOR,
  GET_VERSION,
  getSyncCursor,
  getVersion,
  grpcWebCall,
  HEALTH_CHECK,
  ProbeClient,
} from "@/lib/probe/client";
import {
  decodeVersion,
  encodeFrame,
  encodeSyncCursor,
  encodeVersion,
  GRPC_WEB_CONTENT_TYPE,
} from "@/lib/probe/grpc-web";
import { freePort } from "../../simulation/free-port";
import { grpcWeb, type ScriptedServer, startScriptedServer } from "../support/probe-server";

let server: ScriptedServer;
let client: ProbeClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = new ProbeClient({ allowPrivate: true });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.answer = (_, response) => grpcWeb(response, [encodeVersion("v1.2.3")]);
});

const version = (timeoutMs = 1000) => getVersion(client, server.url, timeoutMs);

describe("a gRPC-Web call to a node", () => {
  it("POSTs an empty framed request with the gRPC-Web headers to {base}/{method}", async () => {
    const result = await version();
    expect(result).toMatchObject({ ok: true, value: "v1.2.3", httpStatus: 200, grpcStatus: 0 });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/${GET_VERSION}`);
    expect(request?.headers["content-type"]).toBe(GRPC_WEB_CONTENT_TYPE);
    expect(request?.headers.accept).toBe(GRPC_WEB_CONTENT_TYPE);
    expect(request?.headers["x-grpc-web"]).toBe("1");
    expect([...(request?.body ?? [])]).toEqual([0, 0, 0, 0, 0]);
  });

  it("leaves no timer running once a call has answered, so a one-shot prober can exit", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    for (const timeoutMs of [60_000, 60_000, 60_000]) expect((await version(timeoutMs)).ok).toBe(true);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("measures a latency between zero and the time the call took", async () => {
    const started = performance.now();
    const ok = await version();
    const failed = await getVersion(client, `http://127.0.0.1:${await freePort()}`, 1000);
    const elapsed = performance.now() - started;
    for (const result of [ok, failed]) {
      expect(result.latencyMs).toBeGreaterThan(0);
      expect(result.latencyMs).toBeLessThan(elapsed);
    }
  });

  it("keeps the path of the base address, with or without a trailing slash", async () => {
    await getVersion(client, `${server.url}/xmtp/api/`, 1000);
    await getVersion(client, `${server.url}/xmtp/api`, 1000);
    await getSyncCursor(client, `${server.url}/`, 1000);
    expect(server.requests.map((request) => request.path)).toEqual([
      `/xmtp/api/${GET_VERSION}`,
      `/xmtp/api/${GET_VERSION}`,
      `/${GET_SYNC_CURSOR}`,
    ]);
  });

  it("refuses an address that is not an http(s) URL before connecting", async () => {
    expect(await getVersion(client, "node.example.org:5050", 1000)).toMatchObject({
      ok: false,
      errorClass: "other",
      error: '"node.example.org:5050" is not an http(s) address',
      httpStatus: null,
    });
    expect(await getVersion(client, "not a url", 1000)).toMatchObject({
      ok: false,
      errorClass: "other",
      error: '"not a url" is not a URL',
    });
    expect(await getVersion(client, "ftp://node.example.org", 1000)).toMatchObject({
      errorClass: "other",
      error: '"ftp://node.example.org" is not an http(s) address',
    });
    expect(await getVersion(client, "https://[::1", 1000)).toMatchObject({
      error: '"https://[::1" is not a URL',
    });
    expect(server.requests).toHaveLength(0);
  });

  it("tries an https address, here failing the TLS handshake with a plain-HTTP server", async () => {
    expect(await getVersion(client, server.url.replace("http:", "https:"), 1000)).toMatchObject({
      ok: false,
      errorClass: "tls",
    });
  });

  it("reads the sync cursor of a node", async () => {
    server.answer = (_, response) => grpcWeb(response, [encodeSyncCursor({ 0: 3n, 100: 2n ** 60n })]);
    expect(await getSyncCursor(client, server.url, 1000)).toMatchObject({
      ok: true,
      value: { 0: "3", 100: (2n ** 60n).toString() },
    });
  });

  it("accepts any gRPC-Web content type, and an empty message as an empty version", async () => {
    server.answer = (_, response) =>
      grpcWeb(
        response,
        [new Uint8Array()],
        { "grpc-status": "0" },
        { "content-type": "application/grpc-web" },
      );
    expect(await version()).toMatchObject({ ok: true, value: "" });
  });

  it("calls any HTTP status but 200 an http_status failure", async () => {
    for (const status of [201, 404, 503]) {
      server.answer = (_, response) => {
        response.writeHead(status, { "content-type": GRPC_WEB_CONTENT_TYPE });
        response.end(Buffer.concat([encodeFrame(encodeVersion("v1")), encodeFrame(new Uint8Array(), 0x80)]));
      };
      expect(await version()).toMatchObject({
        ok: false,
        errorClass: "http_status",
        error: `HTTP ${status}`,
        httpStatus: status,
        grpcStatus: null,
      });
    }
  });

  it("calls a body that is not gRPC-Web malformed, naming its content type", async () => {
    server.answer = (_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html>");
    expect(await version()).toMatchObject({
      errorClass: "malformed",
      error: 'content-type "text/html" is not gRPC-Web',
      httpStatus: 200,
    });
    server.answer = (_, response) =>
      response.writeHead(200).end(Buffer.from(encodeFrame(encodeVersion("v1"))));
    expect(await version()).toMatchObject({
      errorClass: "malformed",
      error: 'content-type "" is not gRPC-Web',
    });
  });

  it("reads grpc-status from the headers of a trailers-only answer, whatever its content type", async () => {
    server.answer = (_, response) =>
      response.writeHead(200, { "grpc-status": "14", "grpc-message": "draining%20now" }).end();
    expect(await version()).toMatchObject({
      ok: false,
      errorClass: "grpc_status",
      error: "grpc-status 14: draining now",
      httpStatus: 200,
      grpcStatus: 14,
    });
  });

  it("prefers the trailer frame's status and message over the headers'", async () => {
    server.answer = (_, response) =>
      grpcWeb(
        response,
        [],
        { "grpc-status": "5", "grpc-message": "not%20found" },
        { "content-type": GRPC_WEB_CONTENT_TYPE, "grpc-status": "0", "grpc-message": "fine" },
      );
    expect(await version()).toMatchObject({ error: "grpc-status 5: not found", grpcStatus: 5 });
  });

  it("takes the message from the headers when the trailers have none, and names the bare code otherwise", async () => {
    server.answer = (_, response) =>
      grpcWeb(
        response,
        [],
        { "grpc-status": "7" },
        { "content-type": GRPC_WEB_CONTENT_TYPE, "grpc-message": "denied" },
      );
    expect(await version()).toMatchObject({ error: "grpc-status 7: denied", grpcStatus: 7 });
    server.answer = (_, response) => grpcWeb(response, [], { "grpc-status": "16" });
    expect(await version()).toMatchObject({
      errorClass: "grpc_status",
      error: "grpc-status 16",
      grpcStatus: 16,
    });
  });

  it("keeps a grpc-message with a broken percent escape as sent", async () => {
    server.answer = (_, response) =>
      grpcWeb(response, [], { "grpc-status": "13", "grpc-message": "bad %E0%A4%A" });
    expect(await version()).toMatchObject({ error: "grpc-status 13: bad %E0%A4%A" });
  });

  it("calls an answer without any grpc-status malformed", async () => {
    server.answer = (_, response) => grpcWeb(response, [encodeVersion("v1")], null);
    expect(await version()).toMatchObject({
      errorClass: "malformed",
      error: "no grpc-status in trailers or headers",
      grpcStatus: null,
    });
  });

  it.each(["17", "99", "007", "1a", "-1", ""])("calls grpc-status %j malformed", async (status) => {
    server.answer = (_, response) => grpcWeb(response, [encodeVersion("v1")], { "grpc-status": status });
    expect(await version()).toMatchObject({
      ok: false,
      errorClass: "malformed",
      error: `grpc-status "${status}" is not a gRPC status code`,
      grpcStatus: null,
    });
  });

  it("quotes at most 20 characters of a hostile grpc-status", async () => {
    server.answer = (_, response) => grpcWeb(response, [], { "grpc-status": "x".repeat(500) });
    expect(await version()).toMatchObject({
      error: `grpc-status "${"x".repeat(20)}" is not a gRPC status code`,
    });
  });

  it("calls a successful status without a message frame malformed", async () => {
    server.answer = (_, response) => grpcWeb(response, [], { "grpc-status": "0" });
    expect(await version()).toMatchObject({
      ok: false,
      errorClass: "malformed",
      error: "no message frame",
      httpStatus: 200,
      grpcStatus: 0,
    });
  });

  it("calls broken frames and broken protobuf malformed", async () => {
    server.answer = (_, response) =>
      response.writeHead(200, { "content-type": GRPC_WEB_CONTENT_TYPE }).end(Buffer.from([0x42, 0, 0, 0, 0]));
    expect(await version()).toMatchObject({
      errorClass: "malformed",
      error: "unknown frame flag 0x42 at byte 0",
    });
    server.answer = (_, response) => grpcWeb(response, [new Uint8Array([0x0a, 0x10, 0x61])]);
    expect(await version()).toMatchObject({
      errorClass: "malformed",
      error: expect.stringMatching(/^protobuf: /),
    });
  });

  it("classifies what the decoder throws like any other failure", async () => {
    const result = await grpcWebCall(
      client,
      server.url,
      GET_VERSION,
      () => {
        throw Object.assign(new Error("boom"), { code: "ECONNREFUSED" });
      },
      1000,
    );
    expect(result).toMatchObject({ ok: false, errorClass: "refused", error: "connection refused" });
    expect((await grpcWebCall(client, server.url, GET_VERSION, decodeVersion, 1000)).ok).toBe(true);
  });

  it("calls a closed port refused", async () => {
    expect(await getVersion(client, `http://127.0.0.1:${await freePort()}`, 1000)).toMatchObject({
      ok: false,
      errorClass: "refused",
      error: "connection refused",
      httpStatus: null,
      grpcStatus: null,
    });
  });

  it("times out a node that never answers, naming the budget", async () => {
    server.answer = () => {};
    const started = performance.now();
    const result = await version(40);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({
      ok: false,
      errorClass: "timeout",
      error: "no complete answer within 40 ms",
      httpStatus: null,
    });
  });

  it("times out a body that starts but never ends", async () => {
    server.answer = (_, response) => {
      response.writeHead(200, { "content-type": GRPC_WEB_CONTENT_TYPE });
      response.write(encodeFrame(encodeVersion("v1")));
    };
    expect(await version(40)).toMatchObject({
      errorClass: "timeout",
      error: "no complete answer within 40 ms",
    });
  });
});

describe("the size limit on an answer", () => {
  it("reads an answer of exactly 1 MiB and refuses one byte more", async () => {
    server.answer = (_, response) => response.writeHead(200).end(Buffer.alloc(1024 * 1024, 1));
    const exact = await client.post(server.url, "x", { body: "", contentType: "text/plain" }, 2000);
    expect(exact.body).toHaveLength(1024 * 1024);
    expect(exact.body.every((byte) => byte === 1)).toBe(true);
    server.answer = (_, response) => response.writeHead(200).end(Buffer.alloc(1024 * 1024 + 1));
    await expect(
      client.post(server.url, "x", { body: "", contentType: "text/plain" }, 2000),
    ).rejects.toMatchObject({
      errorClass: "malformed",
      message: "response larger than 1048576 bytes",
    });
  });

  it("stops reading an oversized answer instead of draining it", async () => {
    let sent = 0;
    server.answer = async (_, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024);
      while (sent < 20 * 1024 * 1024 && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk))
          await new Promise((resolve) => response.once("drain", resolve).once("close", resolve));
      }
      response.end();
    };
    const answer = await getVersion(client, server.url, 2000);
    expect(answer).toMatchObject({ errorClass: "malformed", error: "response larger than 1048576 bytes" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it("gives an empty body for an answer without one", async () => {
    server.answer = (_, response) => response.writeHead(204).end();
    const answer = await client.post(server.url, "x", { body: "{}", contentType: "application/json" }, 1000);
    expect(answer.status).toBe(204);
    expect(answer.body).toHaveLength(0);
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[0]?.body.toString()).toBe("{}");
  });
});

describe("redirects", () => {
  let target: ScriptedServer;
  beforeAll(async () => {
    target = await startScriptedServer((_, response) => grpcWeb(response, [encodeVersion("v-target")]));
  });
  afterAll(() => target.close());

  const redirectTo = (status: number, location: string | null) => {
    server.answer = (_, response) =>
      response.writeHead(status, location === null ? {} : { location }).end("moved");
  };

  it("follows none by default", async () => {
    redirectTo(307, `${target.url}/${GET_VERSION}`);
    expect(await version()).toMatchObject({ ok: false, errorClass: "http_status", httpStatus: 307 });
  });

  it("follows any 3xx with a location, up to maxRedirects, resolving relative locations", async () => {
    const following = new ProbeClient({ allowPrivate: true, maxRedirects: 1 });
    try {
      for (const status of [300, 304, 308, 399]) {
        redirectTo(status, `${target.url}/${GET_VERSION}`);
        expect(await getVersion(following, server.url, 1000), String(status)).toMatchObject({
          ok: true,
          value: "v-target",
        });
      }
      server.answer = (request, response) => {
        if (request.path.endsWith("/here")) grpcWeb(response, [encodeVersion("v-relative")]);
        else response.writeHead(302, { location: "here" }).end();
      };
      expect(await getVersion(following, `${server.url}/api/`, 1000)).toMatchObject({ value: "v-relative" });
      expect(server.requests.at(-1)?.path).toBe("/api/xmtp.xmtpv4.metadata_api.MetadataApi/here");
    } finally {
      await following.close();
    }
  });

  it("does not follow a 3xx without a location, nor a location on a non-3xx answer", async () => {
    const following = new ProbeClient({ allowPrivate: true, maxRedirects: 3 });
    target.requests.length = 0;
    try {
      redirectTo(307, null);
      expect(await getVersion(following, server.url, 1000)).toMatchObject({ httpStatus: 307 });
      for (const status of [299, 400]) {
        redirectTo(status, `${target.url}/${GET_VERSION}`);
        expect(await getVersion(following, server.url, 1000)).toMatchObject({ httpStatus: status });
      }
      expect(target.requests).toHaveLength(0);
    } finally {
      await following.close();
    }
  });

  it("stops after maxRedirects hops and answers with the last redirect", async () => {
    const following = new ProbeClient({ allowPrivate: true, maxRedirects: 2 });
    try {
      server.answer = (request, response) => {
        const hop = Number(request.path.match(/hop(\d)/)?.[1] ?? 0);
        response.writeHead(307, { location: `/hop${hop + 1}` }).end();
      };
      expect(await getVersion(following, server.url, 1000)).toMatchObject({ httpStatus: 307 });
      expect(server.requests.map((request) => request.path)).toEqual([`/${GET_VERSION}`, "/hop1", "/hop2"]);
    } finally {
      await following.close();
    }
  });
});

describe("the address guard on the client", () => {
  it("refuses a loopback literal without connecting unless private addresses are allowed", async () => {
    const guarded = new ProbeClient();
    try {
      expect(await getVersion(guarded, server.url, 1000)).toMatchObject({
        ok: false,
        errorClass: "blocked_address",
        error:
          "127.0.0.1 is a private, loopback, link-local or metadata address (PROBE_ALLOW_PRIVATE=1 allows it)",
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });

  it("refuses a hostname that resolves to loopback, at connect time", async () => {
    const guarded = new ProbeClient();
    try {
      expect(await getVersion(guarded, `http://localhost:${server.port}`, 1000)).toMatchObject({
        errorClass: "blocked_address",
        error: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), a private/),
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });

  it("applies the policy it is given, to literals and to resolved names", async () => {
    const narrowed = new ProbeClient({ isBlocked: (address) => address === "10.9.9.9" });
    try {
      expect(await getVersion(narrowed, server.url, 1000)).toMatchObject({ ok: true });
      expect(await getVersion(narrowed, `http://localhost:${server.port}`, 1000)).toMatchObject({ ok: true });
      expect(await getVersion(narrowed, "http://10.9.9.9:1", 1000)).toMatchObject({
        errorClass: "blocked_address",
      });
    } finally {
      await narrowed.close();
    }
  });

  it("re-checks every redirect hop", async () => {
    const following = new ProbeClient({
      maxRedirects: 2,
      isBlocked: (address) => address.startsWith("169.254."),
    });
    try {
      server.answer = (_, response) =>
        response.writeHead(307, { location: "http://169.254.169.254/x" }).end();
      expect(await getVersion(following, server.url, 1000)).toMatchObject({ errorClass: "blocked_address" });
    } finally {
      await following.close();
    }
  });

  it("cannot call once closed", async () => {
    const closing = new ProbeClient({ allowPrivate: true });
    await closing.close();
    expect(await getVersion(closing, server.url, 1000)).toMatchObject({ ok: false, errorClass: "other" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("the plain health check", () => {
  it("POSTs JSON {} to the health method and reports SERVING", async () => {
    server.answer = (_, response) => response.writeHead(200).end(JSON.stringify({ status: "SERVING" }));
    expect(await checkHealth(client, server.url, 1000)).toEqual({ serving: true, status: "SERVING" });
    expect(server.requests[0]).toMatchObject({ path: `/${HEALTH_CHECK}`, method: "POST" });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[0]?.body.toString()).toBe("{}");
  });

  it("is not serving with any other status, or none", async () => {
    server.answer = (_, response) => response.writeHead(200).end(JSON.stringify({ status: "NOT_SERVING" }));
    expect(await checkHealth(client, server.url, 1000)).toEqual({ serving: false, status: "NOT_SERVING" });
    server.answer = (_, response) => response.writeHead(200).end(JSON.stringify({ status: 1 }));
    expect(await checkHealth(client, server.url, 1000)).toEqual({ serving: false, status: null });
  });

  it("reports a non-200 answer, a body that is not JSON, and a timeout as errors", async () => {
    server.answer = (_, response) => response.writeHead(500).end(JSON.stringify({ status: "SERVING" }));
    expect(await checkHealth(client, server.url, 1000)).toEqual({
      serving: false,
      status: null,
      error: "HTTP 500",
    });
    server.answer = (_, response) => response.writeHead(200).end("<html>");
    expect(await checkHealth(client, server.url, 1000)).toMatchObject({
      serving: false,
      status: null,
      error: expect.stringMatching(/JSON/),
    });
    server.answer = () => {};
    expect(await checkHealth(client, server.url, 30)).toEqual({
      serving: false,
      status: null,
      error: "no complete answer within 30 ms",
    });
  });
});
