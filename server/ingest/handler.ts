import type { z } from "zod";
import type { Db } from "@/db/client";
import { uncount, windowCounts } from "@/db/mutations/rate-limit";
import { authenticateIngestToken } from "@/db/mutations/tokens";
import type { TokenScope } from "@/lib/auth/scopes";
import { bearerToken } from "@/lib/auth/tokens";
import type { Env } from "@/lib/env";
import { bodyHash, parseJson, readBody, unstorable } from "@/lib/ingest/body";
import { errorResponse, IngestError, issuesOf } from "@/lib/ingest/errors";
import type { StoreMeta, StoreResult } from "@/lib/ingest/store-meta";
import { retryAfterSeconds, slidingCount } from "@/lib/rate-limit";

export type IngestContext = { db: Db; env: Env; now?: () => Date };

/**
 * One ingest endpoint: bearer token with its scope (401/403), a per-token rate limit (429), content
 * type (415), size (413), body and schema (400, naming each bad field), then `store`, which answers
 * 201 for a new run, 200 for a replay and 409 for a conflicting one. Never a 5xx for bad input.
 */
export function ingestEndpoint<S extends z.ZodType>({
  scope,
  schema,
  store,
  contentTypes = ["application/json"],
  parse = (text) => parseJson(text),
  hashBody = true,
  hashOf = (data) => data,
}: {
  scope: TokenScope;
  schema: S;
  store: (db: Db, data: z.output<S>, meta: StoreMeta) => Promise<StoreResult>;
  contentTypes?: string[];
  /** Body text → the value the schema checks; JSON by default. */
  parse?: (text: string, contentType: string, url: URL, receivedAt: Date) => unknown;
  /** What of the checked value the idempotency hash covers (all of it by default). */
  hashOf?: (data: z.output<S>) => unknown;
  /** Hash the body for runId idempotency; endpoints idempotent by other keys skip the cost. */
  hashBody?: boolean;
}) {
  return async (request: Request, { db, env, now = () => new Date() }: IngestContext): Promise<Response> => {
    try {
      const at = now();
      const auth = await authenticateIngestToken(
        db,
        bearerToken(request.headers.get("authorization")),
        scope,
      );
      if (!auth.ok) {
        await limitFailures(db, request, at, env);
        const challenge = auth.status === 401 ? { "www-authenticate": 'Bearer realm="ingest"' } : undefined;
        throw new IngestError(
          auth.status,
          auth.status === 401 ? "unauthorized" : "forbidden",
          auth.message,
          undefined,
          challenge,
        );
      }
      const limit = env.INGEST_RATE_LIMIT_PER_MIN;
      const key = `ingest:${auth.tokenId}`;
      const counts = await windowCounts(db, key, at);
      if (slidingCount(counts, at) > limit) {
        // Refused requests are taken back: a client that keeps within the limit on average gets through.
        await uncount(db, key, counts.windowStart);
        const retryAfter = String(retryAfterSeconds({ ...counts, current: counts.current - 1 }, at, limit));
        const message = `more than ${limit} requests a minute with this token`;
        throw new IngestError(429, "rate_limited", message, undefined, { "retry-after": retryAfter });
      }
      const { text, contentType } = await readBody(request, {
        maxBytes: env.INGEST_MAX_BODY_BYTES,
        contentTypes,
      });
      const value = parse(text, contentType, new URL(request.url), at);
      const refused = unstorable(value);
      if (refused)
        throw new IngestError(400, "invalid_body", "the body does not match the expected shape", [refused]);
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new IngestError(
          400,
          "invalid_body",
          "the body does not match the expected shape",
          issuesOf(parsed.error),
        );
      }
      const meta = {
        hash: hashBody ? bodyHash(hashOf(parsed.data)) : "",
        tokenId: auth.tokenId,
        partnerId: auth.partnerId,
        contentType,
        receivedAt: at,
        env,
      };
      const { status, record } = await store(db, parsed.data, meta);
      return Response.json(record, { status });
    } catch (error) {
      if (error instanceof IngestError) return errorResponse(error);
      throw error;
    }
  };
}

/**
 * The client's address: with `trustedHops` proxies in front, the X-Forwarded-For entry the first of
 * them wrote (entries left of it are the client's to choose); with none, the socket's address, which
 * the production server (scripts/serve.mjs) puts in X-Client-Address over anything the client sent.
 */
export function clientAddress(request: Request, trustedHops: number): string | null {
  const address =
    trustedHops > 0
      ? request.headers.get("x-forwarded-for")?.split(",").reverse()[trustedHops - 1]
      : request.headers.get("x-client-address");
  return address?.trim().slice(0, 64) || null;
}

/**
 * Failed authentications are counted per client address (every one, refused or not: a client that
 * keeps guessing stays refused); past the limit the answer is a 429, never
 * a lockout of a valid token (a request that authenticates is not held back by this count).
 */
async function limitFailures(db: Db, request: Request, at: Date, env: Env) {
  const limit = env.INGEST_AUTH_FAILURES_PER_MIN;
  const address = clientAddress(request, env.TRUSTED_PROXY_HOPS);
  if (!address) return;
  const counts = await windowCounts(db, `auth-failures:${address}`, at);
  if (slidingCount(counts, at) <= limit) return;
  throw new IngestError(
    429,
    "rate_limited",
    `more than ${limit} failed authentications a minute from ${address}`,
    undefined,
    {
      "retry-after": String(retryAfterSeconds(counts, at, limit)),
    },
  );
}
