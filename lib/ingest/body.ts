import { createHash } from "node:crypto";
import { IngestError } from "./errors";

/** Reads a request body of an accepted content type, refusing more than maxBytes without reading it all. */
export async function readBody(
  request: Request,
  { maxBytes, contentTypes }: { maxBytes: number; contentTypes: string[] },
): Promise<{ text: string; contentType: string }> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!contentTypes.includes(contentType)) {
    throw new IngestError(
      415,
      "unsupported_media_type",
      `send the body as ${contentTypes.join(" or ")} (got "${contentType || "none"}")`,
    );
  }
  const tooLarge = () =>
    new IngestError(413, "payload_too_large", `the body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return { text: "", contentType };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), contentType };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new IngestError(400, "invalid_json", "the body is not valid JSON");
  }
}

/** SHA-256 of a value's canonical JSON (keys sorted): the same run sent twice hashes the same. */
export function bodyHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (value or key) Postgres cannot store: one holding U+0000 or a lone
 * UTF-16 surrogate. Such a body is refused up front rather than failing inside the transaction.
 */
export function unstorableStringPath(value: unknown, path: string[] = []): string | null {
  const bad = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);
  if (typeof value === "string") return bad(value) ? path.join(".") || "(body)" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableStringPath(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (bad(key)) return [...path, key.replaceAll("\u0000", "\\u0000")].join(".");
      const found = unstorableStringPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
