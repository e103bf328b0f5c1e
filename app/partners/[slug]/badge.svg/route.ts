import { getAppDb } from "@/db/app";
import { guarded } from "@/server/api/guard";
import { partnerBadge } from "@/server/partners/badge";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  partnerBadge(request, { db: await getAppDb(), now: new Date() }, (await params).slug),
);
