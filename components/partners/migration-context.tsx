import Link from "next/link";
import { formatUtc } from "@/lib/format";

type Readiness = { ready: boolean; targetsMet: number; targetsTotal: number };
type Countdown = { stage: number; title: string; daysLeft: number; endsAt: Date; finished: boolean } | null;

/** The network's readiness and the migration window, above every partner's own checks. */
export function MigrationContext({
  networks,
  countdown,
}: {
  networks: {
    key: string;
    name: string;
    readiness: Readiness | undefined;
    stage: { number: number; title: string } | null;
  }[];
  countdown: Countdown;
}) {
  return (
    <section aria-label="The network's readiness" className="grid gap-3 sm:grid-cols-2">
      {networks.map(({ key, name, readiness, stage }) => (
        <div
          key={key}
          className="rounded-lg border border-line bg-surface p-4"
          data-testid={`network-readiness-${key}`}
        >
          <p className="text-ink-muted text-xs uppercase tracking-wide">
            {name}
            {stage ? `: stage ${stage.number} under way` : ""}
          </p>
          <p className="mt-1 font-semibold text-lg">
            {readiness && readiness.targetsTotal > 0
              ? readiness.ready
                ? "Ready: nothing still open"
                : `Not ready: ${readiness.targetsMet} of ${readiness.targetsTotal} targets met`
              : "No target judged yet"}
          </p>
          <Link
            href={stage ? `/stages/${stage.number}` : `/?network=${key}`}
            className="text-accent text-sm underline underline-offset-2"
          >
            {stage ? `${stage.title}: what is still open` : "What is still open"}
          </Link>
        </div>
      ))}
      <div className="rounded-lg border border-line bg-surface p-4" data-testid="migration-window">
        <p className="text-ink-muted text-xs uppercase tracking-wide">Migration window</p>
        {countdown ? (
          <>
            <p className="mt-1 font-semibold text-lg">
              {countdown.finished
                ? "Closed"
                : `${countdown.daysLeft} ${countdown.daysLeft === 1 ? "day" : "days"} left`}
            </p>
            <p className="text-ink-muted text-sm">
              Stage {countdown.stage}, {countdown.title}: ends {formatUtc(countdown.endsAt)}
            </p>
          </>
        ) : (
          <>
            <p className="mt-1 font-semibold text-lg">Not started</p>
            <p className="text-ink-muted text-sm">
              The 60-day countdown starts once every testnet target is met.{" "}
              <Link href="/stages/3" className="text-accent underline underline-offset-2">
                Stage 3
              </Link>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
