import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getNodeLatencyApi } from "@/server/api/node-latency-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  getNodeLatencyApi(request, { db: await getAppDb(), now: new Date(), env: getEnv() }, (await params).id),
);

export const OPTIONS = preflight;
