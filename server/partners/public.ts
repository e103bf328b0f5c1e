import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/db/client";
import { listPartners, partnerBySlug } from "@/db/queries/partners";
import { type PartnerReadiness, partnersReadiness } from "./readiness";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether a presented link key is the partner's (compared in constant time). */
export function keyMatches(presented: string | null | undefined, accessKey: string): boolean {
  return typeof presented === "string" && timingSafeEqual(digest(presented), digest(accessKey));
}

/** The public list: listed partners only, each judged now, with the readiness of `network` besides theirs. */
export async function publicPartners(db: Db, { now, network }: { now: Date; network?: string }) {
  return partnersReadiness(db, {
    partners: await listPartners(db, { includeUnlisted: false }),
    now,
    network,
  });
}

/**
 * One partner as the public may see it: a listed one to anyone, an unlisted one only with its link's
 * key. Otherwise null, the same answer as for a slug that does not exist.
 */
export async function publicPartner(
  db: Db,
  { slug, key, now }: { slug: string; key: string | null | undefined; now: Date },
) {
  const row = await partnerBySlug(db, slug);
  if (!row || (!row.listed && !keyMatches(key, row.accessKey))) return null;
  const { readiness, ...context } = await partnersReadiness(db, { partners: [row], now });
  const partner = readiness[0] as PartnerReadiness;
  return { ...context, partner, accessKey: row.listed ? null : row.accessKey };
}

/** A value made JSON-safe: bigints (fee-token amounts) as decimal strings. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, jsonSafe(item)]));
  if (Array.isArray(value)) return value.map(jsonSafe);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
}
