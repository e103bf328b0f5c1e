import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { forkChecksEndpoint } from "@/lib/ingest/endpoints";

export async function POST(request: Request) {
  return forkChecksEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
