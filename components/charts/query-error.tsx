/** A chart page's address it cannot show (a bad range, a bad filter), named so it can be fixed. */
export function QueryError({ error }: { error: string }) {
  return (
    <p role="alert" className="rounded-lg border border-status-down bg-surface p-4 text-sm">
      This page&apos;s address asks for something it cannot show: {error}.
    </p>
  );
}
