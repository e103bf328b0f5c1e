"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-status-down bg-status-down-soft p-5"
    >
      <h1 className="font-semibold text-lg">This page could not be loaded</h1>
      <p className="mt-1 text-sm">
        The dashboard could not read its data, most likely because its database is unreachable. Nothing is
        lost: the page will show the last stored data once the database answers again.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md border border-line bg-surface px-3 py-1.5 text-sm"
      >
        Try again
      </button>
    </div>
  );
}
