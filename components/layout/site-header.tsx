import Link from "next/link";
import { Suspense } from "react";
import type { NetworkKey } from "@/lib/env";
import { NAV_LINKS } from "./nav-links";
import { type NetworkOption, NetworkSwitch } from "./network-switch";
import { SiteNav } from "./site-nav";

export function SiteHeader({
  networks,
  defaultNetwork,
}: {
  networks: NetworkOption[];
  defaultNetwork: NetworkKey;
}) {
  return (
    <header className="border-line border-b bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 pt-3 pb-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Link href="/" className="font-semibold text-lg tracking-tight">
            XMTP <span className="text-ink-muted">decentralization</span>
          </Link>
          <Suspense fallback={<span className="h-8" />}>
            <NetworkSwitch networks={networks} defaultNetwork={defaultNetwork} />
          </Suspense>
        </div>
        <Suspense
          fallback={
            <ul className="flex gap-1 overflow-hidden whitespace-nowrap text-sm">
              {NAV_LINKS.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="inline-block px-2.5 py-1.5 text-ink-muted">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          }
        >
          <SiteNav />
        </Suspense>
      </div>
    </header>
  );
}
