import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { generateSiweNonce } from "viem/siwe";
import { NONCE_TTL_MS, SESSION_TTL_MS } from "@/lib/auth/siwe";
import type { Db } from "../client";
import { adminSessions, authNonces } from "../schema";

const hashOf = (value: string) => createHash("sha256").update(value).digest("hex");

/** A new sign-in nonce, good for 10 minutes and one use. */
export async function issueNonce(db: Db, now: Date): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = generateSiweNonce();
  const expiresAt = new Date(now.getTime() + NONCE_TTL_MS);
  await db.insert(authNonces).values({ nonce, expiresAt });
  return { nonce, expiresAt };
}

/** Marks a nonce used; false when it is unknown, used already or expired (one statement: no race). */
export async function consumeNonce(db: Db, nonce: string, now: Date): Promise<boolean> {
  const used = await db
    .update(authNonces)
    .set({ usedAt: now })
    .where(and(eq(authNonces.nonce, nonce), isNull(authNonces.usedAt), gt(authNonces.expiresAt, now)))
    .returning({ nonce: authNonces.nonce });
  return used.length === 1;
}

/** A new session for an address: the cookie value is returned once, only its hash is stored. */
export async function createSession(
  db: Db,
  address: string,
  now: Date,
): Promise<{ cookie: string; expiresAt: Date }> {
  const cookie = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(adminSessions).values({
    idHash: hashOf(cookie),
    address,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { cookie, expiresAt };
}

/** The address a cookie's session belongs to, while it is neither expired nor revoked. */
export async function sessionAddress(db: Db, cookie: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(adminSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(adminSessions.idHash, hashOf(cookie)),
        isNull(adminSessions.revokedAt),
        gt(adminSessions.expiresAt, now),
      ),
    )
    .returning({ address: adminSessions.address });
  return row?.address ?? null;
}

/** Ends a session (sign-out); a later request with its cookie has none. */
export async function revokeSession(db: Db, cookie: string, now: Date): Promise<void> {
  await db
    .update(adminSessions)
    .set({ revokedAt: now })
    .where(and(eq(adminSessions.idHash, hashOf(cookie)), isNull(adminSessions.revokedAt)));
}

/** Drops nonces past their expiry and sessions ended (expired or revoked) over a day ago. */
export async function pruneSignIns(db: Db, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const nonces = await db
    .delete(authNonces)
    .where(lt(authNonces.expiresAt, now))
    .returning({ n: authNonces.nonce });
  const sessions = await db
    .delete(adminSessions)
    .where(or(lt(adminSessions.expiresAt, dayAgo), lt(adminSessions.revokedAt, dayAgo)))
    .returning({ n: adminSessions.idHash });
  return nonces.length + sessions.length;
}
