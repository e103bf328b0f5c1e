import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getCriterionApi } from "@/server/api/read-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ key: string }> }) =>
  getCriterionApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }, (await params).key),
);

export const OPTIONS = preflight;
