import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { throughputEndpoint } from "@/server/ingest/endpoints";

export async function POST(request: Request) {
  return throughputEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
