import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getReliabilityApi } from "@/server/api/reliability-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) =>
  getReliabilityApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }),
);

export const OPTIONS = preflight;
