import type { z } from "zod";
import type { Db } from "@/db/client";
import { sessionAddress } from "@/db/mutations/admin-auth";
import type { Env } from "@/lib/env";
import { parseJson, readBody } from "@/lib/ingest/body";
import { errorResponse, IngestError, issuesOf } from "@/lib/ingest/errors";
import { isLocalHost } from "@/lib/security/headers";

export type AdminContext = { db: Db; env: Env; now: Date };

export const SESSION_COOKIE = "admin_session";
const NO_STORE = { "cache-control": "no-store" };

export const adminJson = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(data, { status, headers: { ...NO_STORE, ...headers } });

export const adminError = (status: number, code: string, message: string) =>
  adminJson({ error: { code, message } }, status);

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The host and origin the browser addressed (its Host header, or a proxy's X-Forwarded-Host and
 * -Proto): what a sign-in message must name and what a change's Origin must be. A page on another
 * site cannot set these headers on a request here.
 */
export function siteOf(request: Request): { domain: string; origin: string } {
  const url = new URL(request.url);
  const host = first(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
  const proto = first(request.headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  return { domain: host, origin: `${proto}://${host}` };
}

/**
 * A change must come from a page of this site: its Origin (or, without one, Sec-Fetch-Site) says
 * so. Another site's form or script is refused before anything is read.
 */
export function crossOriginRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const same = origin ? origin === siteOf(request).origin : site === "same-origin";
  return same
    ? null
    : adminError(403, "cross_origin", "changes are taken only from this dashboard's own pages");
}

/** The request's JSON body checked by a schema: 415, 413 or 400 naming each bad field. */
export async function readAdminBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ data: z.output<S> } | { response: Response }> {
  try {
    const { text } = await readBody(request, { maxBytes: 64 * 1024, contentTypes: ["application/json"] });
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success)
      throw new IngestError(400, "invalid_body", "the body is not a valid change", issuesOf(parsed.error));
    return { data: parsed.data };
  } catch (error) {
    if (error instanceof IngestError) return { response: errorResponse(error) };
    throw error;
  }
}

export function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** The signed-in team member's address, or the 401 that says there is no session. */
export async function requireSession(
  request: Request,
  { db, now }: AdminContext,
): Promise<{ address: string } | { response: Response }> {
  const cookie = cookieOf(request, SESSION_COOKIE);
  const address = cookie ? await sessionAddress(db, cookie, now) : null;
  return address
    ? { address }
    : {
        response: adminError(
          401,
          "no_session",
          "sign in with a team wallet first (or the session has ended)",
        ),
      };
}

/** The session cookie: httpOnly, SameSite=Lax, Secure but on localhost, for the session's life. */
export function sessionCookie(domain: string, value: string, expiresAt: Date | null): string {
  const secure = isLocalHost(domain) ? "" : "; Secure";
  const life = expiresAt ? `; Expires=${expiresAt.toUTCString()}` : "; Max-Age=0";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${secure}${life}`;
}

/** Every change: from this site (403 otherwise), by a signed-in team member (401), a valid body (400). */
export async function authorised<S extends z.ZodType>(
  request: Request,
  context: AdminContext,
  schema: S,
): Promise<{ response: Response } | { actor: string; data: z.output<S> }> {
  const refused = crossOriginRefusal(request);
  if (refused) return { response: refused };
  const session = await requireSession(request, context);
  if ("response" in session) return { response: session.response };
  const body = await readAdminBody(request, schema);
  if ("response" in body) return { response: body.response };
  return { actor: session.address, data: body.data };
}

/** An empty note, date or fact is none. */
export const orNull = (value: string | null | undefined) => (value ? value : null);
