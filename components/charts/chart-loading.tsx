/** Where a chart draws once its code has loaded: captions, verdicts and tables come first. */
export function ChartLoading({ height = "h-56" }: { height?: string }) {
  return <div className={`${height} w-full animate-pulse rounded bg-surface-muted`} aria-hidden="true" />;
}
