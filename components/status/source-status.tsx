import type { DataSourceStatus } from "@/lib/chain/network-state";
import { formatAgo, formatUtc } from "@/lib/format";

const SOURCE_NAMES: Record<string, string> = {
  rpc: "registry RPC",
  prober: "node prober",
  registry: "registry sync",
  payer_registry: "PayerRegistry reads",
};

/**
 * Which outside source is unreachable and since when. The last known data stays on the page:
 * an unreachable source never turns into an "outage" of the network itself.
 */
export function SourceStatus({ sources, now }: { sources: DataSourceStatus[]; now: Date }) {
  if (sources.length === 0) return null;
  const failing = sources.filter((source) => source.status === "unreachable");
  return (
    <section
      aria-label="Data sources"
      data-testid="source-status"
      className={`rounded-lg border p-3 text-sm ${failing.length ? "border-status-degraded bg-status-degraded-soft" : "border-line bg-surface"}`}
    >
      <ul className="flex flex-col gap-1">
        {sources.map((source) => {
          const name = `${source.networkName} ${SOURCE_NAMES[source.source ?? "rpc"] ?? source.source}`;
          const where = source.endpoint ? ` (${source.endpoint})` : "";
          if (source.status === "unreachable" && source.failingSince) {
            return (
              <li key={`${source.network}-${source.source}`}>
                <strong className="text-status-degraded">
                  {name}
                  {where} unreachable since {formatUtc(source.failingSince)}
                </strong>{" "}
                ({formatAgo(source.failingSince, now)}
                {source.lastOkAt
                  ? `; last answered ${formatAgo(source.lastOkAt, now)}`
                  : "; it has not answered yet"}
                ): {source.lastError}. Figures from it show the last known data.
              </li>
            );
          }
          if (source.status === "ok" && source.lastCheckedAt) {
            return (
              <li key={`${source.network}-${source.source}`} className="text-ink-muted">
                {name}
                {where}: answering, checked {formatAgo(source.lastCheckedAt, now)}.
              </li>
            );
          }
          return (
            <li key={`${source.network}-${source.source ?? "none"}`} className="text-ink-muted">
              {source.networkName}: sources not checked yet.
            </li>
          );
        })}
      </ul>
    </section>
  );
}
