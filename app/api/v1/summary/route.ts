import { getAppDb } from "@/db/app";
import { getSummaryApi } from "@/server/api/read-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return getSummaryApi(request, { db: await getAppDb(), now: new Date() });
}

export const OPTIONS = preflight;
