import { type ChangelogEntry, changeHref, changeTitle, fieldChanges } from "@/lib/changelog/describe";
import { formatUtc } from "@/lib/format";

/** Each change with who made it (the full address: it is the proof), when, and each field before → after. */
export function ChangeList({ entries }: { entries: ChangelogEntry[] }) {
  return (
    <ol className="flex flex-col gap-3" data-testid="changelog">
      {entries.map((entry) => {
        const href = changeHref(entry);
        return (
          <li
            key={entry.id}
            id={`change-${entry.id}`}
            className="rounded-lg border border-line bg-surface p-4"
            data-testid="change"
          >
            <p className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <span className="font-medium">
                {href ? (
                  <a href={href} className="text-accent underline underline-offset-2">
                    {changeTitle(entry)}
                  </a>
                ) : (
                  changeTitle(entry)
                )}
              </span>
              <time dateTime={entry.at.toISOString()} className="text-ink-muted text-xs">
                {formatUtc(entry.at)}
              </time>
            </p>
            {entry.subjectTitle ? <p className="text-ink-muted text-sm">{entry.subjectTitle}</p> : null}
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {fieldChanges(entry).map((change) => (
                <div key={change.field} className="contents">
                  <dt className="text-ink-muted">{change.field}</dt>
                  <dd className="min-w-0 break-words">
                    {change.before === null ? null : (
                      <>
                        <span className="text-ink-muted line-through">{change.before}</span> →{" "}
                      </>
                    )}
                    {change.after}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 text-ink-muted text-xs">
              by <code className="break-all">{entry.actor}</code>
              {entry.network ? ` · ${entry.network}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
