import { Card } from "@/components/ui/card";
import { formatUtc } from "@/lib/format";
import type { Countdown } from "@/lib/roadmap/readiness";

/** A stage's migration countdown: not started, running, or over, and whether the previous stage's targets were met when it started. */
export function CountdownCard({
  days,
  countdown,
  previousStage,
}: {
  days: number;
  countdown: (Countdown & { previousStageMetAtStart: boolean | null }) | null;
  previousStage: number;
}) {
  return (
    <Card title={`${days}-day migration countdown`} id="stage-countdown">
      {countdown === null ? (
        <p className="text-sm">
          Not started. The team starts it once every stage {previousStage} target is met; apps then have{" "}
          {days} days to move.
        </p>
      ) : (
        <div className="flex flex-col gap-2 text-sm" data-testid="countdown">
          <p>
            <strong className="text-2xl">{countdown.finished ? "Over" : countdown.daysLeft}</strong>
            {countdown.finished ? null : ` of ${countdown.days} days left`}
          </p>
          <p className="text-ink-muted">
            Started {formatUtc(countdown.startedAt)} · ends {formatUtc(countdown.endsAt)}
          </p>
          <p>
            {countdown.previousStageMetAtStart
              ? `Every stage ${previousStage} target was met when it started.`
              : `Not every stage ${previousStage} target was met when it started.`}
          </p>
        </div>
      )}
    </Card>
  );
}
