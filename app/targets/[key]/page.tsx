import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryError } from "@/components/charts/query-error";
import { RangeControls } from "@/components/charts/range-controls";
import { HistoryFigure } from "@/components/roadmap/history-figure";
import { RuleHistory } from "@/components/roadmap/rule-history";
import { getAppDb } from "@/db/app";
import { getCriteria } from "@/db/queries/roadmap";
import { networkPreset } from "@/lib/chain/networks";
import { presetRange, rangeParams, type TimeRange } from "@/lib/charts/range";
import { getEnv, NETWORK_KEYS, type NetworkKey } from "@/lib/env";
import { parseHistoryQuery } from "@/lib/roadmap/history-query";
import { criterionHistoryView } from "@/server/charts/criterion-history";

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Target history: ${(await params).key.slice(0, 64)}` };
}

const networkName = (env: ReturnType<typeof getEnv>, key: string) =>
  (NETWORK_KEYS as readonly string[]).includes(key) ? networkPreset(env, key as NetworkKey).name : key;

const search = (range: TimeRange, overrides: Record<string, string | undefined> = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...rangeParams(range), ...overrides }))
    if (value) params.set(key, value);
  return params.toString();
};

export default async function TargetHistoryPage({ params, searchParams }: Props) {
  const { key } = await params;
  const db = await getAppDb();
  const now = new Date();
  const parsed = parseHistoryQuery({ ...(await searchParams), format: undefined }, now);
  const query = "query" in parsed ? parsed.query : null;
  const view = query
    ? await criterionHistoryView(db, { key, range: query.range, now })
    : (await getCriteria(db)).some((row) => row.key === key)
      ? null
      : undefined;
  if (view === undefined || (query && !view)) notFound();
  const env = getEnv();
  const title = view?.title ?? key;
  const base = query?.range ?? presetRange("90d", now);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-ink-muted text-sm">
          {view ? (
            <Link href={`/stages/${view.stageNumber}`} className="text-accent underline underline-offset-2">
              Stage {view.stageNumber}
            </Link>
          ) : (
            "Target"
          )}{" "}
          · {view ? `judged on ${networkName(env, view.judgedOn)}` : ""}
        </p>
        <h1 className="font-semibold text-2xl">{title}</h1>
        {view ? (
          <p className="mt-1 text-ink-muted">
            Every stored evaluation of this target, as the criteria engine judged it on{" "}
            {networkName(env, view.judgedOn)}.{" "}
            <a href={view.evidenceUrl} className="text-accent underline underline-offset-2">
              The data behind the latest verdict
            </a>
          </p>
        ) : null}
      </div>
      <RangeControls
        range={query?.range ?? null}
        href={(preset) =>
          `/targets/${encodeURIComponent(key)}?${search(base, { range: preset, from: undefined, to: undefined })}`
        }
        networks={[]}
        network=""
      />
      {"error" in parsed ? <QueryError error={parsed.error} /> : null}
      {query && view ? <HistoryFigure view={view} search={search(query.range)} /> : null}
      {view ? <RuleHistory rules={view.rules} unit={view.unit} /> : null}
    </div>
  );
}
