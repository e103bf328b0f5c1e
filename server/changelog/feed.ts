import { Feed } from "feed";
import type { Db } from "@/db/client";
import { getChangelog } from "@/db/queries/changelog";
import { changeHref, changeTitle, fieldChanges } from "@/lib/changelog/describe";

const ENTRIES = 50;

/** `GET /changelog.xml`: the latest team changes as an Atom feed, each with its signer. */
export async function changelogFeed(request: Request, db: Db): Promise<Response> {
  const origin = new URL(request.url).origin;
  const entries = await getChangelog(db, { limit: ENTRIES });
  const feed = new Feed({
    title: "XMTP decentralization dashboard: team changes",
    description: "Every change the team makes to stage and milestone status, with who made it.",
    id: `${origin}/changelog`,
    link: `${origin}/changelog`,
    feedLinks: { atom: `${origin}/changelog.xml` },
    updated: entries[0]?.at ?? new Date(0),
    copyright: "Public data",
  });
  for (const entry of entries) {
    const fields = fieldChanges(entry)
      .map((change) => `${change.field}: ${change.before} → ${change.after}`)
      .join("; ");
    const href = changeHref(entry);
    feed.addItem({
      title: changeTitle(entry),
      id: `${origin}/changelog#change-${entry.id}`,
      link: href ? `${origin}${href}` : `${origin}/changelog#change-${entry.id}`,
      date: entry.at,
      description: `${entry.subjectTitle ? `${entry.subjectTitle}. ` : ""}${fields}. By ${entry.actor}.`,
      author: [{ name: entry.actor }],
    });
  }
  return new Response(feed.atom1(), {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=60",
    },
  });
}
