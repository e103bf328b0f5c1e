import { z } from "zod";
import { PARTNER_SLUG } from "@/lib/partners/slug";
import { CHECK_TITLES, PARTNER_CHECKS } from "@/lib/partners/vocabulary";
import { firstOfEach, searchParamsOf } from "@/lib/query-params";
import { badQuery, type ReadContext } from "@/server/api/read-api";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { jsonSafe, publicPartner, publicPartners } from "@/server/partners/public";
import type { PartnerReadiness } from "@/server/partners/readiness";

const listQuery = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();
const oneQuery = z.object({ key: z.string().max(200).optional() }).strict();

/** A partner in the list: its verdicts without their evidence. */
const summaryOf = (partner: PartnerReadiness) => ({
  slug: partner.slug,
  name: partner.name,
  appUrl: partner.appUrl,
  network: partner.network,
  score: partner.score,
  checks: partner.checks.map(({ evidence: _, ...check }) => check),
});

const readinessOf = (readiness: { ready: boolean; targetsMet: number; targetsTotal: number }) => ({
  ready: readiness.ready,
  targetsMet: readiness.targetsMet,
  targetsTotal: readiness.targetsTotal,
});

/** `GET /api/v1/partners`: every listed partner's checks (JSON, or one row each as CSV). */
export async function getPartnersApi(request: Request, { db, now }: ReadContext) {
  const query = listQuery.safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const { readiness, networks, countdown, asOf, stageUnderWay } = await publicPartners(db, { now });
  if (query.data.format === "csv") {
    const rows = readiness.map((partner) => ({
      slug: partner.slug,
      name: partner.name,
      network: partner.network,
      passed: partner.score.passed,
      total: partner.score.total,
      ...Object.fromEntries(partner.checks.map((check) => [check.key, check.status])),
    }));
    return csvResponse(
      rows,
      ["slug", "name", "network", "passed", "total", ...PARTNER_CHECKS],
      "partners.csv",
    );
  }
  return jsonResponse(
    jsonSafe({
      asOf,
      checks: PARTNER_CHECKS.map((key) => ({ key, title: CHECK_TITLES[key] })),
      networks: Object.fromEntries(
        [...networks].map(([network, state]) => [
          network,
          { ...readinessOf(state), stageUnderWay: stageUnderWay.get(network) ?? null },
        ]),
      ),
      migrationCountdown: countdown,
      partners: readiness.map(summaryOf),
    }),
  );
}

/** `GET /api/v1/partners/{slug}`: one partner's checklist with its evidence; an unlisted one only with `?key=`. */
export async function getPartnerApi(request: Request, { db, now }: ReadContext, slug: string) {
  const query = oneQuery.safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const found = PARTNER_SLUG.test(slug) ? await publicPartner(db, { slug, key: query.data.key, now }) : null;
  if (!found) return apiError(404, "not_found", `no partner "${slug.slice(0, 60)}"`);
  const response = jsonResponse(
    jsonSafe({
      asOf: found.asOf,
      migrationCountdown: found.countdown,
      ...found.partner,
      checks: found.partner.checks,
    }),
  );
  // An unlisted partner's answer is for whoever holds its link, not for shared caches or search engines.
  if (!found.partner.listed) {
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("x-robots-tag", "noindex");
  }
  return response;
}
