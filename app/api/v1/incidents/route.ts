import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getIncidentsApi } from "@/server/api/incidents-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) =>
  getIncidentsApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }),
);

export const OPTIONS = preflight;
