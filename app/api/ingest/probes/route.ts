import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { probesEndpoint } from "@/server/ingest/endpoints";

export async function POST(request: Request) {
  return probesEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
