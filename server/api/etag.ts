import { createHash } from "node:crypto";

/**
 * A GET answered 200 gets a weak ETag of its body; a request whose If-None-Match names it is answered
 * 304 without one, so a poller or a CDN revalidates for the cost of a header.
 */
export async function withEtag(request: Request, response: Response): Promise<Response> {
  if (request.method !== "GET" || response.status !== 200) return response;
  const body = Buffer.from(await response.clone().arrayBuffer());
  const tag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const asked = (request.headers.get("if-none-match") ?? "").split(",").map((part) => part.trim());
  const headers = new Headers(response.headers);
  headers.set("etag", tag);
  if (asked.includes(tag) || asked.includes("*")) {
    headers.delete("content-length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}
