export { TableDetails } from "@/components/charts/table-details";

import type { ReliabilityChart, ReliabilityCriterion } from "@/lib/reliability/view";

/** The verdict a figure shows: the latest one where this page's network is judged, else where it is. */
export const verdictOf = (criterion: ReliabilityCriterion | null, network: string) =>
  criterion && criterion.judgedOn !== network
    ? { judgedOn: criterion.judgedOn }
    : { status: criterion?.status ?? null };

export const csvHref = (search: string, chart: ReliabilityChart) =>
  `/api/v1/reliability?${search}${search ? "&" : ""}chart=${chart}&format=csv`;

export const th = "py-1 pr-3 font-medium";
export const thRight = "py-1 pr-3 text-right font-medium";
export const td = "py-1 pr-3";
export const tdRight = "whitespace-nowrap py-1 pr-3 text-right";
