import { createHash } from "node:crypto";
import { isStorableText } from "../storable-text";
import { IngestError } from "./errors";

/** Reads a request body of an accepted content type, refusing more than maxBytes without reading it all. */
export async function readBody(
  request: Request,
  { maxBytes, contentTypes }: { maxBytes: number; contentTypes: string[] },
): Promise<{ text: string; contentType: string }> {
  const header = request.headers.get("content-type") ?? "";
  const [mediaType] = header.split(";");
  // Stryker disable next-line OptionalChaining,StringLiteral: split always yields a first element, so the trailing ?? "" never runs
  const contentType = mediaType?.trim().toLowerCase() ?? "";
  if (!contentTypes.includes(contentType)) {
    throw new IngestError(
      415,
      "unsupported_media_type",
      `send the body as ${contentTypes.join(" or ")} (got "${contentType || "none"}")`,
    );
  }
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header)?.[1];
  decoderFor(declared ?? "utf-8"); // an unknown charset is refused before the body is read
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
  const bytes = Buffer.concat(chunks);
  // XML without a charset in its Content-Type names its encoding in its declaration (RFC 7303).
  const charset =
    declared ?? (contentType.endsWith("xml") ? xmlDeclaredEncoding(bytes) : undefined) ?? "utf-8";
  const decoder = decoderFor(charset);
  try {
    return { text: decoder.decode(bytes), contentType };
  } catch {
    throw new IngestError(400, "invalid_encoding", `the body is not valid ${decoder.encoding}`);
  }
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), if any. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  return /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

/** A strict decoder for a charset: bytes that do not decode are refused, never replaced. */
function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw new IngestError(
      415,
      "unsupported_charset",
      `the charset "${charset}" is not one this endpoint decodes (send UTF-8)`,
    );
  }
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
    const record = value as Record<string, unknown>;
    // Default sort: by UTF-16 code units, the same on every machine (no locale).
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const MAX_DEPTH = 32;

/**
 * The first thing in a body Postgres cannot store, or that no runner sends: a string (value or key)
 * holding U+0000 or a lone UTF-16 surrogate, or nesting deeper than MAX_DEPTH. Refused up front
 * rather than failing inside the transaction; walked without recursion, however deep the body.
 */
export function unstorable(value: unknown): { path: string; message: string } | null {
  const bad = (text: string) => !isStorableText(text);
  const pathOf = (parts: readonly string[]) => parts.join(".") || "(body)";
  const stack: { value: unknown; path: readonly string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop() as (typeof stack)[number];
    if (typeof item === "string") {
      if (bad(item))
        return { path: pathOf(path), message: "must not contain U+0000 or a lone UTF-16 surrogate" };
      continue;
    }
    if (!item || typeof item !== "object") continue;
    if (path.length >= MAX_DEPTH)
      return { path: pathOf(path), message: `is nested deeper than ${MAX_DEPTH} levels` };
    const entries = Array.isArray(item)
      ? item.map((child, index) => [String(index), child] as const)
      : Object.entries(item);
    for (const [key, child] of entries.reverse()) {
      if (bad(key))
        return {
          path: pathOf([...path, key.replaceAll("\u0000", "\\u0000")]),
          message: "must not contain U+0000 or a lone UTF-16 surrogate",
        };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
