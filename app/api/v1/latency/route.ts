import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getLatencyApi } from "@/server/api/latency-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) =>
  getLatencyApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }),
);

export const OPTIONS = preflight;
