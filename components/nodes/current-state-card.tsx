import { Card } from "@/components/ui/card";
import { formatAgo, formatUtc, formatValue, plural } from "@/lib/format";
import type { CurrentState } from "@/lib/uptime/current-state";
import { NodeStateBadge } from "./node-state-badge";

/** The node's state from the latest probe of each region, by the regional quorum rule. */
export function CurrentStateCard({
  current,
  inRegistry,
  now,
}: {
  current: CurrentState | null;
  inRegistry: boolean;
  now: Date;
}) {
  return (
    <Card title="Now" id="node-now" action={current ? <NodeStateBadge state={current.state} /> : null}>
      {!current ? (
        <p className="text-ink-muted text-sm">
          {inRegistry ? "No probe data yet." : "Not probed: the node is no longer in the registry."}
        </p>
      ) : current.state === "unknown" ? (
        <p className="text-ink-muted text-sm" data-testid="node-state">
          No probe data yet: no region has probed this node in the last few minutes.
        </p>
      ) : (
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm" data-testid="node-state">
          <dt className="text-ink-muted">Version</dt>
          <dd className="font-mono">{current.version ?? "not reported"}</dd>
          <dt className="text-ink-muted">Last probe</dt>
          <dd>
            {current.at ? (
              <>
                {formatAgo(current.at, now)} <span className="text-ink-muted">({formatUtc(current.at)})</span>
              </>
            ) : (
              "—"
            )}
          </dd>
          <dt className="text-ink-muted">Probed from</dt>
          <dd>{plural(current.regions, "region")}</dd>
          {current.failure ? (
            <>
              <dt className="text-ink-muted">Failure</dt>
              <dd>
                {current.failure.error ?? "no message"}
                {current.failure.errorClass ? (
                  <span className="text-ink-muted"> ({current.failure.errorClass.replace("_", " ")})</span>
                ) : null}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-ink-muted">Answered in</dt>
              <dd>{current.latencyMs === null ? "no answer" : formatValue(current.latencyMs, "ms")}</dd>
            </>
          )}
        </dl>
      )}
    </Card>
  );
}
