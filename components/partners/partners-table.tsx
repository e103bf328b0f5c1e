import Link from "next/link";
import type { PartnerCheck } from "@/lib/partners/checks";
import { CHECK_TITLES, PARTNER_CHECKS } from "@/lib/partners/vocabulary";
import { CheckMark } from "./check-mark";

export type PartnerListRow = {
  slug: string;
  name: string;
  network: string;
  score: { passed: number; total: number; ready: boolean };
  checks: PartnerCheck[];
};

export const PARTNER_SORTS = ["name", "ready"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

/** Listed partners, one row of ticks each: the order comes from the URL (?sort=name|ready). */
export function PartnersTable({ partners, sort }: { partners: PartnerListRow[]; sort: PartnerSort }) {
  const header = (key: PartnerSort, label: string) => (
    <th
      scope="col"
      className="p-2 font-medium sm:p-3"
      aria-sort={sort === key ? (key === "ready" ? "descending" : "ascending") : "none"}
    >
      <Link href={`/partners?sort=${key}`} className="underline-offset-2 hover:underline">
        {label}
        {sort === key ? <span aria-hidden="true">{key === "ready" ? " ↓" : " ↑"}</span> : null}
      </Link>
    </th>
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">Listed partners: each readiness check, and how many pass</caption>
        <thead className="text-left text-ink-muted text-xs uppercase tracking-wide">
          <tr className="border-line border-b">
            {header("name", "App")}
            {header("ready", "Ready")}
            {PARTNER_CHECKS.map((key) => (
              <th key={key} scope="col" className="p-2 font-medium sm:p-3">
                {CHECK_TITLES[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {partners.map((partner) => (
            <tr
              key={partner.slug}
              className="border-line border-b last:border-0"
              data-testid={`partner-${partner.slug}`}
            >
              <th scope="row" className="p-2 text-left font-medium sm:p-3">
                <Link href={`/partners/${partner.slug}`} className="text-accent underline underline-offset-2">
                  {partner.name}
                </Link>
              </th>
              <td className="whitespace-nowrap p-2 font-semibold tabular-nums sm:p-3" data-testid="score">
                {partner.score.passed}/{partner.score.total}
              </td>
              {PARTNER_CHECKS.map((key) => {
                const check = partner.checks.find((item) => item.key === key);
                return (
                  <td key={key} className="p-2 sm:p-3" title={check?.summary}>
                    {check ? <CheckMark status={check.status} stale={check.stale} compact /> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Partners in the chosen order: by name, or most checks passing first. */
export function sortPartners<T extends PartnerListRow>(partners: T[], sort: PartnerSort): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en");
  return [...partners].sort(
    sort === "ready" ? (a, b) => b.score.passed - a.score.passed || byName(a, b) : byName,
  );
}
