import { and, asc, eq, isNull } from "drizzle-orm";
import type { IngestScope, TokenScope } from "@/lib/auth/scopes";
import { generateIngestToken, hashIngestToken } from "@/lib/auth/tokens";
import type { Db } from "../client";
import { auditLog, ingestTokens } from "../schema";

export class TokenError extends Error {}

/** Creates a token and returns it: the only time the plain token exists. */
export async function createIngestToken(
  db: Db,
  { name, scopes, actor }: { name: string; scopes: IngestScope[]; actor: string },
) {
  const { token, hash } = generateIngestToken();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: ingestTokens.id })
      .from(ingestTokens)
      .where(eq(ingestTokens.name, name));
    if (existing)
      throw new TokenError(`a token named "${name}" already exists: revoke it or choose another name`);
    await tx.insert(ingestTokens).values({ name, tokenHash: hash, scopes });
    await tx.insert(auditLog).values({
      actor,
      action: "token.create",
      entityType: "ingest_token",
      entityKey: name,
      after: { scopes },
    });
    return { name, scopes, token };
  });
}

export async function listIngestTokens(db: Db) {
  return db
    .select({
      name: ingestTokens.name,
      scopes: ingestTokens.scopes,
      createdAt: ingestTokens.createdAt,
      lastUsedAt: ingestTokens.lastUsedAt,
      revokedAt: ingestTokens.revokedAt,
    })
    .from(ingestTokens)
    .orderBy(asc(ingestTokens.name));
}

export async function revokeIngestToken(db: Db, { name, actor }: { name: string; actor: string }) {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(ingestTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(ingestTokens.name, name), isNull(ingestTokens.revokedAt)))
      .returning({ name: ingestTokens.name, revokedAt: ingestTokens.revokedAt });
    if (!revoked) throw new TokenError(`no active token named "${name}"`);
    await tx
      .insert(auditLog)
      .values({ actor, action: "token.revoke", entityType: "ingest_token", entityKey: name });
    return revoked;
  });
}

export type TokenCheck =
  | { ok: true; tokenId: number; name: string; partnerId: number | null }
  | { ok: false; status: 401 | 403; message: string };

/** Checks a presented token for a scope and records its use. */
export async function authenticateIngestToken(
  db: Db,
  token: string | null,
  scope: TokenScope,
): Promise<TokenCheck> {
  if (!token)
    return { ok: false, status: 401, message: "send the ingest token as Authorization: Bearer <token>" };
  const [row] = await db
    .select({
      id: ingestTokens.id,
      name: ingestTokens.name,
      scopes: ingestTokens.scopes,
      revokedAt: ingestTokens.revokedAt,
      partnerId: ingestTokens.partnerId,
    })
    .from(ingestTokens)
    .where(eq(ingestTokens.tokenHash, hashIngestToken(token)));
  if (!row || row.revokedAt)
    return { ok: false, status: 401, message: "the ingest token is unknown or revoked" };
  if (!row.scopes.includes(scope)) {
    return { ok: false, status: 403, message: `the token "${row.name}" lacks the scope "${scope}"` };
  }
  await db.update(ingestTokens).set({ lastUsedAt: new Date() }).where(eq(ingestTokens.id, row.id));
  return { ok: true, tokenId: row.id, name: row.name, partnerId: row.partnerId };
}
