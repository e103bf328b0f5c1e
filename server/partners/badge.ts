import type { Db } from "@/db/client";
import { readinessBadge, unknownPartnerBadge } from "@/lib/partners/badge";
import { PARTNER_SLUG } from "@/lib/partners/slug";
import { publicPartner } from "./public";

const svg = (body: string, status: number, cacheControl: string) =>
  new Response(body, {
    status,
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": cacheControl,
      // README renderers (GitHub's camo) fetch it cross-site.
      "access-control-allow-origin": "*",
    },
  });

/**
 * `GET /partners/{slug}/badge.svg`: the partner's score as a badge, cached five minutes; an
 * unlisted partner's needs its link's key (`?key=`) and is never put in a shared cache.
 */
export async function partnerBadge(request: Request, { db, now }: { db: Db; now: Date }, slug: string) {
  const key = new URL(request.url).searchParams.get("key");
  const found = PARTNER_SLUG.test(slug) ? await publicPartner(db, { slug, key, now }) : null;
  if (!found) return svg(unknownPartnerBadge(), 404, "public, max-age=60");
  return svg(
    readinessBadge(found.partner.score),
    200,
    found.partner.listed
      ? "public, max-age=300, s-maxage=300, stale-while-revalidate=600"
      : "private, max-age=300",
  );
}
