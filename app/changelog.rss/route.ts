import { getAppDb } from "@/db/app";
import { guarded } from "@/server/api/guard";
import { changelogFeed } from "@/server/changelog/feed";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) => changelogFeed(request, await getAppDb(), "rss"));
