import type { ReactNode } from "react";

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
