import { Card } from "@/components/ui/card";
import { formatCount, formatDecimal } from "@/lib/format";
import type { NodeHealth } from "@/lib/uptime/node-health";
import type { WindowPreset } from "@/lib/uptime/windows";
import { WindowLinks } from "./window-links";

const PERCENTILES = ["p50", "p90", "p95", "p99"] as const;

/** GetVersion latency seen by each probing region, percentiles from merged histograms. */
export function LatencyCard({
  latency,
  windowHref,
}: {
  latency: NodeHealth["latency"];
  windowHref: (preset: WindowPreset) => string;
}) {
  const rows = [...latency.rows].sort((a, b) => (a.region === null ? -1 : b.region === null ? 1 : 0));
  return (
    <Card
      title="Latency by probing region"
      id="node-latency"
      action={<WindowLinks current={latency.window} href={windowHref} label="Latency window" />}
    >
      {rows.length === 0 ? (
        <p className="text-ink-muted text-sm" data-testid="latency-empty">
          No probe latency in the last {latency.window} yet.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="latency-table">
            <caption className="sr-only">
              Probe latency percentiles in milliseconds by region over the last {latency.window}, with sample
              counts
            </caption>
            <thead className="text-left text-ink-muted text-xs">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Region
                </th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">
                  Samples
                </th>
                {PERCENTILES.map((p) => (
                  <th key={p} scope="col" className="py-1 pl-2 text-right font-medium">
                    {p} <span className="font-normal">ms</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.region ?? ""} className="border-line border-t">
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    {row.region ?? "All regions"}
                  </th>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{formatCount(row.samples)}</td>
                  {row.p50 === null ? (
                    <td colSpan={PERCENTILES.length} className="py-1.5 pl-2 text-right text-ink-muted">
                      insufficient data
                    </td>
                  ) : (
                    PERCENTILES.map((p) => (
                      <td key={p} className="whitespace-nowrap py-1.5 pl-2 text-right tabular-nums">
                        {row[p] === null ? "insufficient data" : formatDecimal(row[p])}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-3 text-ink-muted text-xs">
        Time to answer GetVersion, as our probers saw it. A percentile needs at least{" "}
        {formatCount(latency.minSamples)} samples; with fewer it reads "insufficient data".
      </p>
    </Card>
  );
}
