import { getAppDb } from "@/db/app";
import { getEvidenceApi } from "@/lib/api/read-api";
import { preflight } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  return getEvidenceApi(request, { db: await getAppDb(), now: new Date() }, (await params).key);
}

export const OPTIONS = preflight;
