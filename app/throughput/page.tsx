import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryError } from "@/components/charts/query-error";
import { RangeControls } from "@/components/charts/range-controls";
import { ThroughputLive } from "@/components/throughput/throughput-live";
import { getAppDb } from "@/db/app";
import { networkPreset } from "@/lib/chain/networks";
import { presetRange } from "@/lib/charts/range";
import { chartSearch } from "@/lib/charts/search";
import { getEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";
import { parseThroughputQuery } from "@/lib/throughput/query";
import { throughputView } from "@/server/charts/throughput";

export const metadata: Metadata = { title: "Throughput" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ThroughputPage({ searchParams }: Props) {
  const params = await searchParams;
  const env = getEnv();
  const network = parseNetworkParam(params.network, env);
  if (!network) notFound();
  const db = await getAppDb();
  const now = new Date();
  const parsed = parseThroughputQuery({ ...params, target: undefined, format: undefined }, env, now);
  const query = "query" in parsed ? parsed.query : null;
  const view = query ? await throughputView(db, { ...query, now }) : null;
  const networks = env.XMTP_NETWORKS.map((key) => ({ value: key, label: networkPreset(env, key).name }));
  const base = { network, range: query?.range ?? presetRange("90d", now) };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Throughput</h1>
        <p className="mt-1 text-ink-muted">
          The load tests pushed for {networkPreset(env, network).name}: off-chain and on-chain bursts in
          messages a second, and sustained runs in messages a day with the number of nodes they ran on, each
          run against its roadmap target.{" "}
          <Link href="/methodology" className="text-accent underline underline-offset-2">
            How we measure
          </Link>
        </p>
      </div>
      <RangeControls
        range={query?.range ?? null}
        href={(preset) =>
          `/throughput?${chartSearch(base, { range: preset, from: undefined, to: undefined })}`
        }
        networks={networks}
        network={network}
      />
      {"error" in parsed ? <QueryError error={parsed.error} /> : null}
      {query && view ? <ThroughputLive initial={view} search={chartSearch(query)} /> : null}
    </div>
  );
}
