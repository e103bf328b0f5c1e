import type { ReactNode } from "react";

export function Card({
  title,
  action,
  children,
  id,
}: {
  title?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-surface p-4 sm:p-5">
      {title ? (
        <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={id} className="font-semibold text-base">
            {title}
          </h2>
          {action}
        </header>
      ) : null}
      {children}
    </section>
  );
}
