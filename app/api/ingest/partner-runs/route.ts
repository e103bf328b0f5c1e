import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { partnerRunsEndpoint } from "@/server/ingest/endpoints";

export const POST = guarded(async (request: Request) =>
  partnerRunsEndpoint(request, { db: await getAppDb(), env: getEnv() }),
);
