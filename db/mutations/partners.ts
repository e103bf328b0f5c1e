import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { PARTNER_SCOPE } from "@/lib/auth/scopes";
import { generateIngestToken } from "@/lib/auth/tokens";
import type { Db, Tx } from "../client";
import { auditLog, ingestTokens, partners, sdkMinimums } from "../schema";

export class PartnerError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export type PartnerInput = {
  slug: string;
  name: string;
  appUrl: string | null;
  network: string;
  payerAddresses: string[];
  sdks: string[];
  listed: boolean;
  contact: string | null;
  notes: string | null;
  requiredRuns: number;
};

/** An unlisted partner's link key: unguessable, and only in the console and the link itself. */
const newAccessKey = () => randomBytes(24).toString("base64url");

/**
 * What the public changelog may say of a partner: its public fields when listed; of an unlisted
 * one, only that it is unlisted. The contact, the notes and the link key are never logged.
 */
function publicFields(partner: PartnerInput) {
  if (!partner.listed) return { listed: false };
  const { contact: _, notes: __, ...shown } = partner;
  return shown;
}

/** What the changelog names a partner by: its slug, or for an unlisted one nothing that tells them apart. */
export const UNLISTED_KEY = "unlisted";
const auditKey = (partner: { slug: string; listed: boolean }) =>
  partner.listed ? partner.slug : UNLISTED_KEY;

/** Two changes racing for one slug: the loser's unique violation is the same 409 as a slug taken. */
async function slugConflict<T>(slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") throw new PartnerError(409, `a partner with the slug "${slug}" already exists`);
    throw error;
  }
}

export async function createPartner(db: Db, input: PartnerInput, actor: string) {
  return slugConflict(input.slug, () => createOnce(db, input, actor));
}

async function createOnce(db: Db, input: PartnerInput, actor: string) {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.slug, input.slug));
    if (taken) throw new PartnerError(409, `a partner with the slug "${input.slug}" already exists`);
    const [created] = await tx
      .insert(partners)
      .values({ ...input, accessKey: newAccessKey() })
      .returning();
    if (!created) throw new Error("the partner was not stored");
    await tx.insert(auditLog).values({
      actor,
      action: "partner.create",
      entityType: "partner",
      entityKey: auditKey(created),
      network: input.network,
      after: publicFields(input),
    });
    return created;
  });
}

/** Changes a partner (its slug included); `newLink` replaces the key of its link, so an old link stops working. */
export async function updatePartner(
  db: Db,
  slug: string,
  change: Partial<PartnerInput> & { newLink?: boolean },
  actor: string,
) {
  return slugConflict(change.slug ?? slug, () => updateOnce(db, slug, change, actor));
}

async function updateOnce(
  db: Db,
  slug: string,
  change: Partial<PartnerInput> & { newLink?: boolean },
  actor: string,
) {
  return db.transaction(async (tx) => {
    const before = await partnerForUpdate(tx, slug);
    // What the change leaves out keeps its value.
    const input = {
      ...inputOf(before),
      ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
    } as PartnerInput & { newLink?: boolean };
    if (input.slug !== slug) {
      const [taken] = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(eq(partners.slug, input.slug));
      if (taken) throw new PartnerError(409, `a partner with the slug "${input.slug}" already exists`);
    }
    const { newLink, ...fields } = input;
    const [updated] = await tx
      .update(partners)
      .set({ ...fields, ...(newLink ? { accessKey: newAccessKey() } : {}), updatedAt: new Date() })
      .where(eq(partners.id, before.id))
      .returning();
    if (!updated) throw new Error("the partner was not updated");
    // Which fields changed, private ones aside; of an unlisted partner only their names are logged.
    const { contact: _, notes: __, ...open } = fields;
    const changed = Object.keys(open).filter(
      (field) =>
        JSON.stringify((before as Record<string, unknown>)[field]) !==
        JSON.stringify((open as Record<string, unknown>)[field]),
    );
    if (changed.length > 0 || newLink) {
      const pick = (row: Record<string, unknown>) =>
        Object.fromEntries(changed.map((field) => [field, row[field] ?? null]));
      const shown = updated.listed && before.listed;
      await tx.insert(auditLog).values({
        actor,
        action: "partner.update",
        entityType: "partner",
        entityKey: auditKey(updated),
        network: updated.network,
        before: shown ? pick(before) : null,
        after: {
          ...(shown ? pick(open) : { changed: changed.join(", ") || "none" }),
          ...(newLink ? { link: "replaced" } : {}),
        },
      });
    }
    return updated;
  });
}

const inputOf = (row: typeof partners.$inferSelect): PartnerInput => ({
  slug: row.slug,
  name: row.name,
  appUrl: row.appUrl,
  network: row.network,
  payerAddresses: row.payerAddresses,
  sdks: row.sdks,
  listed: row.listed,
  contact: row.contact,
  notes: row.notes,
  requiredRuns: row.requiredRuns,
});

async function partnerForUpdate(tx: Tx, slug: string) {
  const [row] = await tx.select().from(partners).where(eq(partners.slug, slug)).for("update");
  if (!row) throw new PartnerError(404, `no partner with the slug "${slug}"`);
  return row;
}

/**
 * A new ingest token for a partner, answered once: it may post that partner's integration runs and
 * nothing else. The partner's earlier tokens stop working at the same moment.
 */
export async function issuePartnerToken(db: Db, slug: string, actor: string, now = new Date()) {
  const { token, hash } = generateIngestToken();
  return db.transaction(async (tx) => {
    const partner = await partnerForUpdate(tx, slug);
    await tx
      .update(ingestTokens)
      .set({ revokedAt: now })
      .where(and(eq(ingestTokens.partnerId, partner.id), isNull(ingestTokens.revokedAt)));
    // Random, so a token's name says nothing of which partner holds it, nor of how many there are.
    const name = `partner-${randomBytes(6).toString("hex")}`;
    await tx
      .insert(ingestTokens)
      .values({ name, tokenHash: hash, scopes: [PARTNER_SCOPE], partnerId: partner.id });
    await tx.insert(auditLog).values({
      actor,
      action: "partner.token",
      entityType: "partner",
      entityKey: auditKey(partner),
      network: partner.network,
      after: { token: name },
    });
    return { name, token, partner: partner.slug };
  });
}

/** Sets (or, with null, removes) the lowest mainnet-compatible version of an SDK. */
export async function setSdkMinimum(
  db: Db,
  { sdk, minVersion }: { sdk: string; minVersion: string | null },
  actor: string,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sdkMinimums).where(eq(sdkMinimums.sdk, sdk));
    if (minVersion === null) {
      if (!before) throw new PartnerError(404, `no minimum version is set for ${sdk}`);
      await tx.delete(sdkMinimums).where(eq(sdkMinimums.sdk, sdk));
    } else {
      await tx
        .insert(sdkMinimums)
        .values({ sdk, minVersion })
        .onConflictDoUpdate({ target: sdkMinimums.sdk, set: { minVersion, updatedAt: new Date() } });
    }
    if ((before?.minVersion ?? null) !== minVersion)
      await tx.insert(auditLog).values({
        actor,
        action: "sdk.minimum",
        entityType: "sdk",
        entityKey: sdk,
        before: before ? { minVersion: before.minVersion } : null,
        after: { minVersion },
      });
    return { sdk, minVersion };
  });
}
