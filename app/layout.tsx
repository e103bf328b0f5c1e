import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { networkPreset } from "@/lib/chain/networks";
import { getEnv } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "XMTP decentralization dashboard", template: "%s · XMTP decentralization" },
  description:
    "How close the XMTP network is to each roadmap target for its move to independent node operators, from measured data.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#16161c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection(); // the network list follows the running server's environment, not the build's
  const env = getEnv();
  const { XMTP_NETWORKS: collected, defaultNetwork } = env;
  // Only the networks collected here: another's page would show no figures as if they were its own.
  const networks = collected.map((key) => ({ key, name: networkPreset(env, key).name }));
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        {env.DEMO_MODE && <DemoBanner />}
        <SiteHeader networks={networks} defaultNetwork={defaultNetwork} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-8 text-ink-muted text-xs">
          Every figure comes from measured data: the on-chain node registry, our own probes of each node, and
          results pushed by QA runners. Where there is no data yet, the page says so.
        </footer>
      </body>
    </html>
  );
}
