"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

export type NetworkOption = { key: string; name: string };

/** Switches `?network=` on the current page. */
export function NetworkSwitch({
  networks,
  defaultNetwork,
}: {
  networks: NetworkOption[];
  defaultNetwork: string;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = searchParams.get("network") ?? defaultNetwork;
  return (
    <nav aria-label="Network" className="flex rounded-md border border-line bg-surface-muted p-0.5 text-sm">
      {networks.map((network) => {
        const params = new URLSearchParams(searchParams);
        params.set("network", network.key);
        const active = network.key === current;
        return (
          <Link
            key={network.key}
            href={`${pathname}?${params}`}
            aria-current={active ? "page" : undefined}
            className={`rounded px-2.5 py-1 ${active ? "bg-surface font-medium text-ink shadow-sm" : "text-ink-muted hover:text-ink"}`}
          >
            {network.name}
          </Link>
        );
      })}
    </nav>
  );
}
