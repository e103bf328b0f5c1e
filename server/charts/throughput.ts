import type { Db } from "@/db/client";
import { criterionSpecs } from "@/db/queries/criteria";
import { getCriteria } from "@/db/queries/roadmap";
import { getThroughputRuns } from "@/db/queries/throughput";
import type { TimeRange } from "@/lib/charts/range";
import { sustainedRules } from "@/lib/roadmap/evaluators/throughput";
import { type ThroughputView, throughputPoints } from "@/lib/throughput/view";

/** The three throughput targets, each with its runs of the range on one network. */
export async function throughputView(
  db: Db,
  { network, range, now }: { network: string; range: TimeRange; now: Date },
): Promise<ThroughputView> {
  const [rows, specs, runs] = await Promise.all([
    getCriteria(db),
    criterionSpecs(db),
    getThroughputRuns(db, { network, from: range.from, to: range.to }),
  ]);
  const specOf = new Map(specs.map((spec) => [spec.key, spec]));
  return {
    network,
    asOf: now.toISOString(),
    range: { preset: range.preset, from: range.from.toISOString(), to: range.to.toISOString() },
    targets: rows
      .filter((row) => row.category === "throughput")
      .map((row) => {
        const spec = specOf.get(row.key);
        const rules = row.kind === "throughput_sustained_daily" && spec ? sustainedRules(spec) : null;
        const kind = spec?.metric ?? row.key;
        return {
          key: row.key,
          kind,
          title: row.title,
          comparator: row.comparator,
          target: row.target,
          unit: row.unit,
          judgedOn: row.network,
          status: row.status,
          measured: row.measured,
          windowDays: row.windowDays,
          rules,
          runs: throughputPoints(runs, kind, rules),
        };
      }),
  };
}
