import type { Metadata } from "next";
import { ChangeList } from "@/components/changelog/change-list";
import { getAppDb } from "@/db/app";
import { getChangelog } from "@/db/queries/changelog";

export const metadata: Metadata = {
  title: "Changelog",
  alternates: {
    types: { "application/atom+xml": "/changelog.xml", "application/rss+xml": "/changelog.rss" },
  },
};

const PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangelogPage({ searchParams }: Props) {
  const asked = (await searchParams).before;
  const before = typeof asked === "string" && /^[1-9]\d{0,15}$/.test(asked) ? Number(asked) : undefined;
  const entries = await getChangelog(await getAppDb(), { limit: PAGE + 1, beforeId: before });
  const shown = entries.slice(0, PAGE);
  const older = entries.length > PAGE ? shown.at(-1)?.id : undefined;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-semibold text-2xl">Changelog</h1>
        <p className="mt-1 max-w-3xl text-ink-muted">
          Every change the team makes on this dashboard (a stage's declared status, a milestone's status and
          evidence, incidents and their updates, maintenance windows, targets' rules, the QA operation map,
          ingest tokens), with the address that signed in to make it, the time, and what each field was
          before. Nothing here can be edited or removed.{" "}
          <a href="/changelog.xml" className="text-accent underline underline-offset-2">
            Atom feed
          </a>{" "}
          ·{" "}
          <a href="/changelog.rss" className="text-accent underline underline-offset-2">
            RSS
          </a>
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-4 text-ink-muted">
          {before
            ? "No older changes."
            : "The team has made no change yet: every status shown is the published one."}
        </p>
      ) : (
        <ChangeList entries={shown} />
      )}
      {older ? (
        <a
          href={`/changelog?before=${older}`}
          className="self-start text-accent underline underline-offset-2"
        >
          Older changes
        </a>
      ) : null}
    </div>
  );
}
