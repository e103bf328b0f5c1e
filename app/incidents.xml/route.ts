import { getAppDb } from "@/db/app";
import { guarded } from "@/server/api/guard";
import { incidentsFeed } from "@/server/changelog/feed";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) => incidentsFeed(request, await getAppDb()));
