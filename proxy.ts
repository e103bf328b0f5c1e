import { type NextRequest, NextResponse } from "next/server";
import { ALLOWED_METHODS, contentSecurityPolicy, isDecodablePath, isLocalHost } from "@/lib/security/headers";
import { unavailableHtml } from "@/lib/security/unavailable-page";
import { databaseDownSince } from "@/server/db-health";

const isDev = process.env.NODE_ENV === "development";
/** While the database is down, pages answer 503 with a page that says so and retries by itself. */
function unavailablePage(since: Date) {
  return new NextResponse(unavailableHtml(since), {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": "30",
      "cache-control": "no-store",
      // No script at all: inline styles only, never framed.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  NextResponse.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );

/** Every request: methods and paths the app cannot answer are refused here; the rest get a fresh CSP nonce. */
export function proxy(request: NextRequest) {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method))
    return refuse(405, "method_not_allowed", `${request.method} is not supported`, {
      allow: ALLOWED_METHODS.join(", "),
    });
  if (!isDecodablePath(request.nextUrl.pathname))
    return refuse(400, "invalid_path", "the path holds a percent-escape that is not UTF-8");
  const down = databaseDownSince();
  if (down && request.method === "GET" && !request.nextUrl.pathname.startsWith("/api/"))
    return unavailablePage(down);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: isDev });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (!isLocalHost(request.headers.get("host") ?? ""))
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Static files carry the headers of next.config.mjs; a nonce means nothing to them.
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
