import type { Metadata } from "next";
import Link from "next/link";
import { MigrationContext } from "@/components/partners/migration-context";
import {
  PARTNER_SORTS,
  type PartnerSort,
  PartnersTable,
  sortPartners,
} from "@/components/partners/partners-table";
import { getAppDb } from "@/db/app";
import { networkPreset } from "@/lib/chain/networks";
import { getEnv, type NetworkKey } from "@/lib/env";
import { formatUtc } from "@/lib/format";
import { readinessOfStage } from "@/lib/partners/checks";
import { publicPartners } from "@/server/partners/public";

export const metadata: Metadata = { title: "Partners" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnersPage({ searchParams }: Props) {
  const asked = (await searchParams).sort;
  const sort: PartnerSort = (PARTNER_SORTS as readonly string[]).includes(String(asked))
    ? (asked as PartnerSort)
    : "name";
  const env = getEnv();
  const now = new Date();
  const { readiness, networks, countdown, stageUnderWay } = await publicPartners(await getAppDb(), {
    now,
    network: env.defaultNetwork,
  });

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Partners</h1>
        <p className="mt-1 text-ink-muted">
          Is your app ready for mainnet? Each app building on XMTP is checked four ways, from the chain and
          from its own test runs: a funded gateway in the PayerRegistry, a mainnet-compatible SDK, its
          integration tests passing, and the network itself meeting its targets.{" "}
          <Link href="/methodology#partners" className="text-accent underline underline-offset-2">
            How each check is judged
          </Link>
        </p>
      </div>
      <MigrationContext
        networks={[...networks].map(([key, state]) => {
          const stage = stageUnderWay.get(key) ?? null;
          return {
            key,
            name: networkPreset(env, key as NetworkKey).name,
            readiness: readinessOfStage(state, stage),
            stage,
          };
        })}
        countdown={countdown}
      />
      {readiness.length === 0 ? (
        <div role="status" className="rounded-lg border border-line border-dashed bg-surface p-5 text-sm">
          No partner is listed yet. The team adds partners as they prepare their migration; a partner can also
          be followed privately, by a link the team shares with it.
        </div>
      ) : (
        <PartnersTable partners={sortPartners(readiness, sort)} sort={sort} />
      )}
      <p className="text-ink-muted text-xs">As of {formatUtc(now)}.</p>
    </div>
  );
}
