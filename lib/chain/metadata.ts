import { z } from "zod";

// Operators publish this JSON; every field is optional and anything else in it is ignored.
const metadataSchema = z.object({
  operator_name: z.string().trim().min(1).max(200).optional(),
  region: z.string().trim().min(1).max(100).optional(),
  external_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  image: z
    .url({ protocol: /^(https?|ipfs|data)$/ })
    .max(100_000)
    .optional(),
  description: z.string().max(5000).optional(),
});

/** What the dashboard keeps of an operator's metadata JSON. */
export type NodeMetadata = z.infer<typeof metadataSchema>;

export type MetadataResult = { ok: true; metadata: NodeMetadata } | { ok: false; error: string };

export type MetadataOptions = {
  timeoutMs: number;
  maxBytes: number;
  requireHttps?: boolean;
  fetch?: typeof fetch;
};

/**
 * Fetches and validates a node's metadata JSON from its tokenURI (http(s) or a data: URI), bounded
 * in time and size. Never throws: a failure is a value the sync records beside the last good metadata.
 */
export async function fetchNodeMetadata(uri: string, options: MetadataOptions): Promise<MetadataResult> {
  if (!uri) return { ok: false, error: "tokenURI is empty" };
  let text: string;
  try {
    text = uri.startsWith("data:") ? decodeDataUri(uri, options.maxBytes) : await fetchBounded(uri, options);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "metadata is not valid JSON" };
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      // Stryker disable next-line StringLiteral: the schema is flat, so no path has a second part to join
      const path = issue.path.join(".");
      return `${path || "metadata"}: ${issue.message}`;
    });
    return { ok: false, error: `metadata is malformed (${issues.join("; ")})` };
  }
  return { ok: true, metadata: parsed.data };
}

async function fetchBounded(
  uri: string,
  { timeoutMs, maxBytes, requireHttps, fetch: fetchImpl = fetch }: MetadataOptions,
) {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error("tokenURI is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`tokenURI scheme ${url.protocol} is not fetched`);
  if (requireHttps && url.protocol !== "https:") throw new Error("tokenURI is not https");
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const { signal } = controller;
  // Aborting fetch was seen to leave a pending body read hanging until the socket closed, so every
  // wait races the timeout itself.
  const timedOut = new Promise<never>((_, reject) => {
    const expire = () => reject(signal.reason); // the catch below names the timeout
    // Stryker disable next-line StringLiteral,ObjectLiteral,BooleanLiteral: this Node's fetch rejects an aborted body read itself (the race is for those that hang), and abort fires once anyway
    signal.addEventListener("abort", expire, { once: true });
  });
  timedOut.catch(() => {});
  try {
    const response = await Promise.race([
      fetchImpl(url, { signal, redirect: "error", headers: { accept: "application/json" } }),
      timedOut,
    ]);
    if (!response.ok) throw new Error(`metadata server answered HTTP ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) throw new Error(`metadata is larger than ${maxBytes} bytes (${declared})`);
    return await readCapped(response, maxBytes, timedOut);
  } catch (error) {
    if (signal.aborted) throw new Error(`metadata server gave no full answer within ${timeoutMs} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort(); // an unread body (an error status, an oversized length) must not keep its socket
  }
}

// Reads at most maxBytes and then stops, so a huge or endless body costs no more memory than the cap.
async function readCapped(response: Response, maxBytes: number, timedOut: Promise<never>): Promise<string> {
  const reader = response.body?.getReader();
  // Stryker disable next-line StringLiteral: any text here is as invalid JSON as the empty body it stands for
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), timedOut]).catch((error) => {
      void reader.cancel().catch(() => {});
      throw error;
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new Error(`metadata is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function decodeDataUri(uri: string, maxBytes: number): string {
  // data:[<media type>][;base64],<data>; the caller checked the "data:" prefix.
  const comma = uri.indexOf(",");
  if (comma === -1) throw new Error("tokenURI is a malformed data: URI");
  const data = uri.slice(comma + 1);
  const body = uri.slice(0, comma).endsWith(";base64")
    ? Buffer.from(data, "base64").toString("utf8")
    : decodeURIComponent(data);
  if (Buffer.byteLength(body) > maxBytes) throw new Error(`metadata is larger than ${maxBytes} bytes`);
  return body;
}
