import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getPartnerApi } from "@/server/api/partners-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  getPartnerApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }, (await params).slug),
);

export const OPTIONS = preflight;
