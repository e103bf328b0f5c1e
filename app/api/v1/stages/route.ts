import { getAppDb } from "@/db/app";
import { getStagesApi } from "@/server/api/read-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return getStagesApi(request, { db: await getAppDb(), now: new Date() });
}

export const OPTIONS = preflight;
