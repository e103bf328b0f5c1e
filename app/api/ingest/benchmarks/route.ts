import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { benchmarksEndpoint } from "@/server/ingest/endpoints";

export async function POST(request: Request) {
  return benchmarksEndpoint(request, { db: await getAppDb(), env: getEnv() });
}
