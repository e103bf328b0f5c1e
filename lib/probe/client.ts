import { Agent, type Dispatcher, fetch } from "undici";
import { assertPublicLiteral, guardedLookup, isBlockedAddress } from "./address-guard";
import { classifyError, ProbeError } from "./errors";
import {
  decodeFrames,
  decodeSyncCursor,
  decodeVersion,
  encodeFrame,
  GRPC_WEB_CONTENT_TYPE,
  MalformedResponse,
  type SyncCursor,
} from "./grpc-web";
import type { ProbeErrorClass } from "./record";

const MAX_RESPONSE_BYTES = 1024 * 1024;
export const GET_VERSION = "xmtp.xmtpv4.metadata_api.MetadataApi/GetVersion";
export const GET_SYNC_CURSOR = "xmtp.xmtpv4.metadata_api.MetadataApi/GetSyncCursor";
export const HEALTH_CHECK = "grpc.health.v1.Health/Check";

export type ProbeClientOptions = {
  /** Allow loopback, private, link-local and metadata addresses (tests and the local demo). */
  allowPrivate?: boolean;
  /** Redirects to follow, each re-checked by the address guard; none by default. */
  maxRedirects?: number;
  /** The guard's policy; tests narrow it to let a loopback test server through. */
  isBlocked?: (address: string) => boolean;
};

/** The HTTP side of a node's public API, with the address guard on every connection. */
export class ProbeClient {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: ProbeClientOptions = {}) {
    this.dispatcher = new Agent({
      connect: options.allowPrivate ? {} : { lookup: guardedLookup(options.isBlocked) },
      keepAliveTimeout: 10_000,
    });
  }

  close() {
    return this.dispatcher.close();
  }

  /** POSTs to `{base}/{method}` within `timeoutMs` (connect, headers and body together). */
  async post(
    base: string,
    method: string,
    init: { body: Uint8Array | string; contentType: string },
    timeoutMs: number,
  ): Promise<{ status: number; headers: Headers; body: Uint8Array }> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ProbeError("timeout", `no complete answer within ${timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.request(base, method, init, controller.signal), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async request(
    base: string,
    method: string,
    init: { body: Uint8Array | string; contentType: string },
    signal: AbortSignal,
  ) {
    let url = endpoint(base, method);
    for (let hop = 0; ; hop++) {
      if (!this.options.allowPrivate) assertPublicLiteral(url, this.options.isBlocked ?? isBlockedAddress);
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": init.contentType, "x-grpc-web": "1", accept: init.contentType },
        body: init.body,
        redirect: "manual",
        signal,
        dispatcher: this.dispatcher,
      });
      const location = response.headers.get("location");
      if (
        response.status >= 300 &&
        response.status < 400 &&
        location &&
        hop < (this.options.maxRedirects ?? 0)
      ) {
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      return {
        status: response.status,
        headers: response.headers as unknown as Headers,
        body: await readCapped(response),
      };
    }
  }
}

function endpoint(base: string, method: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ProbeError("other", `"${base}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ProbeError("other", `"${base}" is not an http(s) address`);
  return new URL(`${url.pathname.replace(/\/$/, "")}/${method}`, url);
}

async function readCapped(response: Awaited<ReturnType<typeof fetch>>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    size += chunk.length;
    // Throwing out of the loop cancels the stream (the iterator's return); it is locked until then.
    if (size > MAX_RESPONSE_BYTES)
      throw new ProbeError("malformed", `response larger than ${MAX_RESPONSE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** gRPC status codes run from 0 (OK) to 16 (UNAUTHENTICATED). */
const MAX_GRPC_CODE = 16;

/** grpc-message is percent-encoded; a node that sends a broken escape gets its text kept as sent. */
function percentDecoded(message: string): string {
  try {
    return decodeURIComponent(message);
  } catch {
    return message;
  }
}

export type CallOutcome<T> =
  | { ok: true; value: T; latencyMs: number; httpStatus: number; grpcStatus: 0 }
  | {
      ok: false;
      errorClass: ProbeErrorClass;
      error: string;
      latencyMs: number;
      httpStatus: number | null;
      grpcStatus: number | null;
    };

/**
 * One unary gRPC-Web call with an empty request. Success needs HTTP 200 and grpc-status 0 (from the
 * trailer frame, or from the headers in a trailers-only answer); anything else is a classified failure.
 */
export async function grpcWebCall<T>(
  client: ProbeClient,
  base: string,
  method: string,
  decode: (message: Uint8Array) => T,
  timeoutMs: number,
): Promise<CallOutcome<T>> {
  const started = performance.now();
  let httpStatus: number | null = null;
  let grpcStatus: number | null = null;
  const fail = (errorClass: ProbeErrorClass, error: string) =>
    ({
      ok: false,
      errorClass,
      error,
      latencyMs: performance.now() - started,
      httpStatus,
      grpcStatus,
    }) as const;
  try {
    const response = await client.post(
      base,
      method,
      { body: encodeFrame(), contentType: GRPC_WEB_CONTENT_TYPE },
      timeoutMs,
    );
    httpStatus = response.status;
    const latencyMs = performance.now() - started;
    if (response.status !== 200) return fail("http_status", `HTTP ${response.status}`);
    const contentType = response.headers.get("content-type") ?? "";
    const headerStatus = response.headers.get("grpc-status");
    if (!contentType.startsWith("application/grpc-web") && headerStatus === null)
      return fail("malformed", `content-type "${contentType}" is not gRPC-Web`);
    const { messages, trailers } = decodeFrames(response.body);
    const status = trailers["grpc-status"] ?? headerStatus;
    if (status === null) return fail("malformed", "no grpc-status in trailers or headers");
    if (!/^\d{1,2}$/.test(status) || Number(status) > MAX_GRPC_CODE)
      return fail("malformed", `grpc-status "${status.slice(0, 20)}" is not a gRPC status code`);
    grpcStatus = Number(status);
    if (grpcStatus !== 0) {
      const message = trailers["grpc-message"] ?? response.headers.get("grpc-message") ?? "";
      return fail("grpc_status", `grpc-status ${grpcStatus}${message ? `: ${percentDecoded(message)}` : ""}`);
    }
    const [first] = messages;
    if (!first) return fail("malformed", "no message frame");
    return { ok: true, value: decode(first), latencyMs, httpStatus: 200, grpcStatus: 0 };
  } catch (error) {
    if (error instanceof MalformedResponse) return fail("malformed", error.message);
    const classified = classifyError(error);
    return fail(classified.errorClass, classified.message);
  }
}

export const getVersion = (client: ProbeClient, base: string, timeoutMs: number) =>
  grpcWebCall(client, base, GET_VERSION, decodeVersion, timeoutMs);

export const getSyncCursor = (client: ProbeClient, base: string, timeoutMs: number) =>
  grpcWebCall<SyncCursor>(client, base, GET_SYNC_CURSOR, decodeSyncCursor, timeoutMs);

/** The plain health check: JSON `{}` → `{"status":"SERVING"}`. It only says the process is up. */
export async function checkHealth(
  client: ProbeClient,
  base: string,
  timeoutMs: number,
): Promise<{ serving: boolean; status: string | null; error?: string }> {
  try {
    const response = await client.post(
      base,
      HEALTH_CHECK,
      { body: "{}", contentType: "application/json" },
      timeoutMs,
    );
    if (response.status !== 200) return { serving: false, status: null, error: `HTTP ${response.status}` };
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { status?: unknown };
    const status = typeof body.status === "string" ? body.status : null;
    return { serving: status === "SERVING", status };
  } catch (error) {
    return { serving: false, status: null, error: classifyError(error).message };
  }
}
