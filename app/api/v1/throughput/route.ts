import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { preflight } from "@/server/api/respond";
import { getThroughputApi } from "@/server/api/throughput-api";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) =>
  getThroughputApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }),
);

export const OPTIONS = preflight;
