import Link from "next/link";

/** An honest placeholder: what the page will show, and that no numbers exist for it yet. */
export function ComingSoon({
  title,
  description,
  needs,
}: {
  title: string;
  description: string;
  needs: string;
}) {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="font-semibold text-2xl">{title}</h1>
      <p className="mt-2 text-ink-muted">{description}</p>
      <div role="status" className="mt-6 rounded-lg border border-line border-dashed bg-surface p-5">
        <p className="font-medium">Coming soon</p>
        <p className="mt-1 text-ink-muted text-sm">
          This page is not built yet, so it shows no numbers rather than made-up ones. It needs {needs}.
        </p>
        <p className="mt-3 text-sm">
          <Link href="/" className="text-accent underline underline-offset-2">
            Back to the overview
          </Link>{" "}
          for the roadmap stages and their targets.
        </p>
      </div>
    </div>
  );
}
