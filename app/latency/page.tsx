import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryError } from "@/components/charts/query-error";
import { RangeControls } from "@/components/charts/range-controls";
import { LatencyLive } from "@/components/latency/latency-live";
import { getAppDb } from "@/db/app";
import { networkPreset } from "@/lib/chain/networks";
import { DEFAULT_PRESET, presetRange } from "@/lib/charts/range";
import { chartSearch } from "@/lib/charts/search";
import { getEnv } from "@/lib/env";
import { parseLatencyQuery } from "@/lib/latency/query";
import { parseNetworkParam } from "@/lib/network-param";
import { latencyView } from "@/server/charts/latency";

export const metadata: Metadata = { title: "Latency" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LatencyPage({ searchParams }: Props) {
  const params = await searchParams;
  const env = getEnv();
  const network = parseNetworkParam(params.network, env);
  if (!network) notFound();
  const db = await getAppDb();
  const now = new Date();
  const parsed = parseLatencyQuery({ ...params, operation: undefined, format: undefined }, env, now);
  const query = "query" in parsed ? parsed.query : null;
  const view = query ? await latencyView(db, { ...query, now }) : null;
  const networks = env.XMTP_NETWORKS.map((key) => ({ value: key, label: networkPreset(env, key).name }));
  const networkName = networkPreset(env, network).name;
  // With a bad range the preset links still lead somewhere: to the same filters over the default range.
  const base = {
    network,
    range: query?.range ?? presetRange(DEFAULT_PRESET, now),
    region: query?.region,
    sdk: query?.sdk,
  };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Latency</h1>
        <p className="mt-1 text-ink-muted">
          Each of the seven operations the QA runners benchmark on {networkName}: p50, p95 and p99 per UTC{" "}
          {query?.range.bucket ?? "day"}, merged from every result&apos;s histogram, against the p95 target
          and the V3 figure. A gap is {query?.range.bucket === "hour" ? "an hour" : "a day"} without results,
          never a zero.{" "}
          <Link href="/methodology" className="text-accent underline underline-offset-2">
            How we measure
          </Link>
        </p>
      </div>
      <RangeControls
        range={query?.range ?? null}
        href={(preset) => `/latency?${chartSearch(base, { range: preset, from: undefined, to: undefined })}`}
        networks={networks}
        network={network}
        regions={view?.options.regions ?? []}
        region={query?.region}
        sdks={view?.options.sdks ?? []}
        sdk={query?.sdk}
      />
      {"error" in parsed ? <QueryError error={parsed.error} /> : null}
      {query && view ? <LatencyLive initial={view} search={chartSearch(query)} /> : null}
    </div>
  );
}
