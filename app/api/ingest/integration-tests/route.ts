import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { integrationTestsEndpoint } from "@/lib/ingest/endpoints";

export async function POST(request: Request) {
  return integrationTestsEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
