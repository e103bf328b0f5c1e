import { Feed } from "feed";
import type { Db } from "@/db/client";
import { getChangelog } from "@/db/queries/changelog";
import { getIncidents } from "@/db/queries/incidents";
import { affectedText } from "@/lib/affected-nodes";
import { changeHref, changeTitle, fieldChanges } from "@/lib/changelog/describe";

const ENTRIES = 50;

/**
 * `GET /changelog.xml`: the latest team changes as an Atom feed, each with its signer; `/changelog.rss`
 * the same as RSS 2.0 (whose authors need an email: the signer is in each item's text).
 */
export async function changelogFeed(
  request: Request,
  db: Db,
  format: "atom" | "rss" = "atom",
): Promise<Response> {
  const origin = new URL(request.url).origin;
  const entries = await getChangelog(db, { limit: ENTRIES });
  const feed = new Feed({
    title: "XMTP decentralization dashboard: team changes",
    description: "Every change the team makes to stage and milestone status, with who made it.",
    id: `${origin}/changelog`,
    link: `${origin}/changelog`,
    feedLinks: { atom: `${origin}/changelog.xml`, rss: `${origin}/changelog.rss` },
    updated: entries[0]?.at ?? new Date(0),
    copyright: "Public data",
  });
  for (const entry of entries) {
    const fields = fieldChanges(entry)
      .map(
        (change) => `${change.field}: ${change.before === null ? "" : `${change.before} → `}${change.after}`,
      )
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
  return format === "rss" ? rss(feed) : atom(feed);
}

/** `GET /incidents.xml`: every network's incidents as an Atom feed, an entry per incident, updated with it. */
export async function incidentsFeed(request: Request, db: Db): Promise<Response> {
  const origin = new URL(request.url).origin;
  const incidents = await getIncidents(db, { limit: ENTRIES });
  const feed = new Feed({
    title: "XMTP decentralization dashboard: incidents",
    description: "Incidents the team posts, with each update.",
    id: `${origin}/incidents`,
    link: `${origin}/incidents`,
    feedLinks: { atom: `${origin}/incidents.xml` },
    updated: new Date(Math.max(0, ...incidents.map((one) => one.updatedAt.getTime()))),
    copyright: "Public data",
  });
  for (const incident of incidents) {
    const where =
      incident.nodeIds.length === 0
        ? `the whole ${incident.network} network`
        : `${affectedText(incident.nodeIds)} on ${incident.network}`;
    const updates = incident.updates.map(
      (update) => `${update.at.toISOString()} ${update.status}: ${update.body}`,
    );
    feed.addItem({
      title: `${incident.title} (${incident.severity}, ${incident.status})`,
      id: `${origin}/incidents#incident-${incident.id}`,
      link: `${origin}/incidents?network=${incident.network}#incident-${incident.id}`,
      date: incident.updatedAt,
      published: incident.startedAt,
      // Plain text: the markdown as written, never rendered into the feed's HTML.
      description: [`Affects ${where}, since ${incident.startedAt.toISOString()}.`, ...updates].join("\n"),
      author: [{ name: incident.createdBy }],
    });
  }
  return atom(feed);
}

const rss = (feed: Feed) =>
  new Response(feed.rss2(), {
    headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "public, max-age=60" },
  });

const atom = (feed: Feed) =>
  new Response(feed.atom1(), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" },
  });
