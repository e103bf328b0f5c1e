import { createHash, randomBytes } from "node:crypto";
import { INGEST_SCOPES, type IngestScope } from "./scopes";

const PREFIX = "xdm_";

/** A new ingest token: shown once; only its hash is stored. */
export function generateIngestToken(): { token: string; hash: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashIngestToken(token) };
}

export function hashIngestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** "benchmarks,tests" → validated scopes; names every unknown one. */
export function parseScopes(list: string): IngestScope[] {
  const scopes = [
    ...new Set(
      list
        .split(",")
        .map((scope) => scope.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = scopes.filter((scope) => !(INGEST_SCOPES as readonly string[]).includes(scope));
  if (unknown.length)
    throw new Error(`unknown scope ${unknown.join(", ")}: scopes are ${INGEST_SCOPES.join(", ")}`);
  if (scopes.length === 0) throw new Error(`give at least one scope: ${INGEST_SCOPES.join(", ")}`);
  return scopes as IngestScope[];
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  // Stryker disable next-line StringLiteral: any text without a "Bearer " prefix matches no token, as the empty string does
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

export const TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
