import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { forkChecksEndpoint } from "@/server/ingest/endpoints";

export async function POST(request: Request) {
  return forkChecksEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
