import { createIngestToken } from "@/db/mutations/tokens";
import { seedDatabase } from "@/db/seed";
import type { IngestScope } from "@/lib/auth/scopes";
import type { IngestContext } from "@/server/ingest/handler";
import { createTestDatabase, type TestDatabase } from "./test-db";

export type Endpoint = (request: Request, context: IngestContext) => Promise<Response>;

/** A fresh, seeded database with one ingest token, for the ingest API's tests. */
export async function setUpIngest(scopes: IngestScope[], env: Record<string, string> = {}) {
  const test: TestDatabase = await createTestDatabase({ INGEST_RATE_LIMIT_PER_MIN: "1000000", ...env });
  await seedDatabase(test.handle.db, test.env);
  const { token } = await createIngestToken(test.handle.db, { name: "test", scopes, actor: "test" });
  return { test, token };
}

/** Calls an endpoint with a real Request, as the route handler does. */
export function callEndpoint(
  endpoint: Endpoint,
  test: TestDatabase,
  body: unknown,
  { token, type = "application/json", query = "" }: { token?: string | null; type?: string; query?: string },
) {
  const headers: Record<string, string> = { "content-type": type };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request(`http://dashboard/api/ingest${query}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return endpoint(request, { db: test.handle.db, env: test.env });
}
