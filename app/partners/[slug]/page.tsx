import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CheckCard } from "@/components/partners/check-card";
import { MigrationContext } from "@/components/partners/migration-context";
import { getAppDb } from "@/db/app";
import { networkPreset } from "@/lib/chain/networks";
import { getEnv, type NetworkKey } from "@/lib/env";
import { formatUtc } from "@/lib/format";
import { readinessOfStage } from "@/lib/partners/checks";
import { PARTNER_SLUG } from "@/lib/partners/slug";
import { publicPartner } from "@/server/partners/public";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The metadata and the page read the partner once per request.
const loadPartner = cache(async (slug: string, key: string | null) =>
  PARTNER_SLUG.test(slug) ? publicPartner(await getAppDb(), { slug, key, now: new Date() }) : null,
);

async function load({ params, searchParams }: Props) {
  const key = (await searchParams).key;
  return loadPartner((await params).slug, typeof key === "string" ? key : null);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  if (!found) return { title: "Partner not found" };
  return {
    title: `${found.partner.name}: mainnet readiness`,
    // An unlisted partner's page is for whoever holds its link.
    robots: found.partner.listed ? undefined : { index: false, follow: false },
    referrer: found.partner.listed ? undefined : "no-referrer",
  };
}

export default async function PartnerPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { partner, countdown, networks, stageUnderWay, asOf, accessKey } = found;
  const stage = stageUnderWay.get(partner.network) ?? null;
  const state = networks.get(partner.network);
  const env = getEnv();
  const network = networkPreset(env, partner.network as NetworkKey);
  const keyQuery = accessKey ? `?key=${encodeURIComponent(accessKey)}` : "";
  const site = await siteOrigin();
  const badgePath = `/partners/${partner.slug}/badge.svg${keyQuery}`;
  const pagePath = `/partners/${partner.slug}${keyQuery}`;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm">
          <Link href="/partners" className="text-accent underline underline-offset-2">
            Partners
          </Link>
          {partner.listed ? null : (
            <span className="ml-2 text-ink-muted">(unlisted: only its link shows it)</span>
          )}
        </p>
        <h1 className="mt-1 font-semibold text-2xl">{partner.name}</h1>
        <p className="mt-1 text-ink-muted">
          Ready for mainnet on {network.name}:{" "}
          <strong className="text-ink" data-testid="partner-score">
            {partner.score.passed} of {partner.score.total} checks pass
          </strong>
          {partner.appUrl ? (
            <>
              {" · "}
              <a
                href={partner.appUrl}
                rel="noopener noreferrer"
                className="text-accent underline underline-offset-2"
              >
                {partner.appUrl.replace(/^https?:\/\//, "")}
              </a>
            </>
          ) : null}
        </p>
      </div>
      <MigrationContext
        networks={[
          {
            key: partner.network,
            name: network.name,
            readiness: state ? readinessOfStage(state, stage) : undefined,
            stage,
          },
        ]}
        countdown={countdown}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {partner.checks.map((check) => (
          <CheckCard key={check.key} check={check} now={asOf} events={partner.payerEvents} />
        ))}
      </div>
      <section
        aria-labelledby="badge"
        className="rounded-lg border border-line bg-surface p-4 text-sm sm:p-5"
      >
        <h2 id="badge" className="font-semibold text-base">
          Badge for your README
        </h2>
        <p className="mt-2">
          {/* biome-ignore lint/performance/noImgElement: an SVG badge served by this app, shown as partners will embed it */}
          <img
            src={badgePath}
            alt={`XMTP mainnet ready: ${partner.score.passed}/${partner.score.total}`}
            height={20}
          />
        </p>
        <pre className="mt-2 overflow-x-auto rounded bg-canvas p-2 text-xs">
          <code>{`[![XMTP mainnet ready](${site}${badgePath})](${site}${pagePath})`}</code>
        </pre>
      </section>
      <p className="text-ink-muted text-xs">
        As of {formatUtc(asOf)}. Chain reads every 5 minutes; runs as the partner posts them.
      </p>
    </div>
  );
}

/** This dashboard's address as the browser reached it, for a badge snippet that works anywhere. */
async function siteOrigin() {
  const list = await headers();
  const host = list.get("x-forwarded-host")?.split(",")[0]?.trim() ?? list.get("host") ?? "localhost";
  const proto =
    list.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
