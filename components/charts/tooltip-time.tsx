/** "2026-12-01 14:00 UTC (Dec 1, 15:00 local)": a tooltip's time, in UTC with the reader's beside it. */
export function TooltipTime({ iso, utc }: { iso: string; utc: string }) {
  const local = new Date(iso).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <p className="font-medium">
      {utc} UTC <span className="text-ink-muted">({local} local)</span>
    </p>
  );
}
