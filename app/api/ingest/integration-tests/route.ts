import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { integrationTestsEndpoint } from "@/server/ingest/endpoints";

export async function POST(request: Request) {
  return integrationTestsEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
