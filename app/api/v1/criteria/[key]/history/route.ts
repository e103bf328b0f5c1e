import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { getCriterionHistoryApi } from "@/server/api/criterion-history-api";
import { guarded } from "@/server/api/guard";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ key: string }> }) =>
  getCriterionHistoryApi(
    request,
    { db: await getAppDb(), now: new Date(), env: getEnv() },
    (await params).key,
  ),
);

export const OPTIONS = preflight;
