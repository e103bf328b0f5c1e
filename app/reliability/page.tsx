import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryError } from "@/components/charts/query-error";
import { RangeControls } from "@/components/charts/range-controls";
import { ReliabilityLive } from "@/components/reliability/reliability-live";
import { getAppDb } from "@/db/app";
import { networkPreset } from "@/lib/chain/networks";
import { presetRange } from "@/lib/charts/range";
import { chartSearch } from "@/lib/charts/search";
import { getEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";
import { parseReliabilityQuery } from "@/lib/reliability/query";
import { reliabilityView } from "@/server/charts/reliability";

export const metadata: Metadata = { title: "Reliability" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReliabilityPage({ searchParams }: Props) {
  const params = await searchParams;
  const env = getEnv();
  const network = parseNetworkParam(params.network, env);
  if (!network) notFound();
  const now = new Date();
  const parsed = parseReliabilityQuery({ ...params, chart: undefined, format: undefined }, env, now);
  const query = "query" in parsed ? parsed.query : null;
  const view = query
    ? await reliabilityView(await getAppDb(), {
        ...query,
        now,
        hourDays: env.RETENTION_HOURS_DAYS,
        probeIntervalS: env.PROBE_INTERVAL_S,
      })
    : null;
  const networks = env.XMTP_NETWORKS.map((key) => ({ value: key, label: networkPreset(env, key).name }));
  const base = { network, range: query?.range ?? presetRange("30d", now) };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Reliability</h1>
        <p className="mt-1 text-ink-muted">
          On {networkPreset(env, network).name}: every canonical node's availability per day against 99.99%,
          the group fork rate found by the QA fork suite, each SDK's integration-test runs, and how far each
          node's replication is behind.{" "}
          <Link href="/methodology" className="text-accent underline underline-offset-2">
            How we measure
          </Link>
        </p>
      </div>
      <RangeControls
        range={query?.range ?? null}
        href={(preset) =>
          `/reliability?${chartSearch(base, { range: preset, from: undefined, to: undefined })}`
        }
        networks={networks}
        network={network}
      />
      {"error" in parsed ? <QueryError error={parsed.error} /> : null}
      {query && view ? <ReliabilityLive initial={view} search={chartSearch(query)} /> : null}
    </div>
  );
}
