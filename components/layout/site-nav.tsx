"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { NAV_LINKS } from "./nav-links";

/** The page links; the chosen network follows the reader from page to page. */
export function SiteNav() {
  const pathname = usePathname();
  const network = useSearchParams().get("network");
  return (
    <nav aria-label="Pages" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {NAV_LINKS.map((link) => {
          const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={network ? `${link.href}?network=${network}` : link.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-md px-2.5 py-1.5 ${active ? "bg-surface-muted font-medium text-ink" : "text-ink-muted hover:text-ink"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
