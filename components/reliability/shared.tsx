import type { ReactNode } from "react";
import type { ReliabilityChart, ReliabilityCriterion } from "@/lib/reliability/view";

/** The verdict a figure shows: the latest one where this page's network is judged, else where it is. */
export const verdictOf = (criterion: ReliabilityCriterion | null, network: string) =>
  criterion && criterion.judgedOn !== network
    ? { judgedOn: criterion.judgedOn }
    : { status: criterion?.status ?? null };

export const csvHref = (search: string, chart: ReliabilityChart) =>
  `/api/v1/reliability?${search}${search ? "&" : ""}chart=${chart}&format=csv`;

/** A table under a chart, opened by its summary; wider than a phone, it scrolls (by keyboard too). */
export function TableDetails({
  label,
  count,
  open,
  children,
}: {
  label: string;
  count: number;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details className="w-full text-sm sm:w-auto" open={open}>
      <summary className="cursor-pointer text-accent">
        {label} ({count.toLocaleString("en-US")})
      </summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, by keyboard too */}
      <section className="mt-2 overflow-x-auto" aria-label={label} tabIndex={0}>
        {children}
      </section>
    </details>
  );
}

export const th = "py-1 pr-3 font-medium";
export const thRight = "py-1 pr-3 text-right font-medium";
export const td = "py-1 pr-3";
export const tdRight = "py-1 pr-3 text-right";
