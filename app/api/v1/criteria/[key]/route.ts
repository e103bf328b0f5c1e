import { getAppDb } from "@/db/app";
import { getCriterionApi } from "@/server/api/read-api";
import { preflight } from "@/server/api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  return getCriterionApi(request, { db: await getAppDb(), now: new Date() }, (await params).key);
}

export const OPTIONS = preflight;
