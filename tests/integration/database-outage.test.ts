import { createServer, type Server } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/setup";
import { hashIngestToken } from "@/lib/auth/tokens";
import { parseEnv } from "@/lib/env";
import { guarded } from "@/server/api/guard";
import { getSummaryApi } from "@/server/api/read-api";
import { benchmarksEndpoint } from "@/server/ingest/endpoints";
import { freePort } from "../../simulation/free-port";
import { setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

// A PostgreSQL URL nothing listens on: the database is down (mocked by absence, not by a fake).
let closedUrl: string;
beforeAll(async () => {
  closedUrl = `postgres://postgres@127.0.0.1:${await freePort()}/dashboard`;
});

const summary = (db: Awaited<ReturnType<typeof openDatabase>>["db"]) =>
  guarded((request: Request) => getSummaryApi(request, { db, now: new Date(), env: parseEnv({}) }));

describe("the database down", () => {
  it("answers the read API with 503 and Retry-After, in the API's error shape", async () => {
    const handle = await openDatabase({ url: closedUrl });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await summary(handle.db)(new Request("http://dashboard/api/v1/summary"));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect((await response.json()).error.code).toBe("database_unavailable");
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[api\] database unavailable: /));
    } finally {
      errors.mockRestore();
      await handle.close();
    }
  });

  it("answers an ingest push with 503 too, so a runner retries", async () => {
    const handle = await openDatabase({ url: closedUrl });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const endpoint = guarded((request: Request) =>
        benchmarksEndpoint(request, { db: handle.db, env: parseEnv({ NODE_ENV: "test" }) }),
      );
      const response = await endpoint(
        new Request("http://dashboard/api/ingest/benchmarks", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer xdm_whatever" },
          body: "{}",
        }),
      );
      expect(response.status).toBe(503);
    } finally {
      errors.mockRestore();
      await handle.close();
    }
  });

  it("names the variable when the app starts against a closed port", async () => {
    const handle = await openDatabase({ url: closedUrl });
    try {
      await expect(prepareDatabase(handle, parseEnv({ NODE_ENV: "test" }))).rejects.toThrow(
        /cannot reach the database at PostgreSQL at 127\.0\.0\.1:\d+\/dashboard \(DATABASE_URL\): .*ECONNREFUSED/,
      );
    } finally {
      await handle.close();
    }
  });

  it("answers a database that hangs up mid-request with 503", async () => {
    // A server that accepts the connection and closes it at once: "Connection terminated".
    const port = await freePort();
    const server: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const handle = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/dashboard` });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await summary(handle.db)(new Request("http://dashboard/api/v1/summary"));
      expect(response.status).toBe(503);
    } finally {
      errors.mockRestore();
      await handle.close();
      server.close();
    }
  });
});

describe("a failed query's log line", () => {
  let test: TestDatabase;
  let token: string;

  beforeAll(async () => {
    ({ test, token } = await setUpIngest(["benchmarks"]));
  });
  afterAll(() => test?.drop());

  it("never holds the query's parameters, such as a token's hash", async () => {
    await test.handle.db.execute(sql`alter table ingest_tokens rename to ingest_tokens_gone`);
    const lines: string[] = [];
    const errors = vi.spyOn(console, "error").mockImplementation((...args) => {
      lines.push(args.map(String).join(" "));
    });
    try {
      const endpoint = guarded((request: Request) =>
        benchmarksEndpoint(request, { db: test.handle.db, env: test.env }),
      );
      const response = await endpoint(
        new Request("http://dashboard/api/ingest/benchmarks", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: "{}",
        }),
      );
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain(hashIngestToken(token));
      expect(lines.join("\n")).toMatch(/^\[api\] failed: Failed query: /);
      expect(lines.join("\n")).not.toContain(hashIngestToken(token));
      expect(lines.join("\n")).not.toMatch(/params:/);
    } finally {
      errors.mockRestore();
      await test.handle.db.execute(sql`alter table ingest_tokens_gone rename to ingest_tokens`);
    }
  });
});

describe("pages while the database is down", () => {
  it("answer 503 with Retry-After and a page that says the data store is unreachable, until it answers", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const { databaseDownSince, watchDatabase } = await import("@/server/db-health");
    const page = () => proxy(new NextRequest("http://dashboard.example.org/nodes?network=testnet"));
    const down = await openDatabase({ url: closedUrl });
    try {
      const watch = watchDatabase(down.db, { intervalMs: 60_000 });
      await watch.check();
      expect(databaseDownSince()).toBeNull(); // one failed check is not an outage yet
      await watch.check();
      expect(databaseDownSince()).not.toBeNull();
      const response = page();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await response.text()).toContain("The dashboard's data store is unreachable");
      // The API answers for itself (503 in its own shape), so the proxy lets it through.
      const api = proxy(new NextRequest("http://dashboard.example.org/api/v1/summary"));
      expect(api.status).toBe(200);
      expect(api.headers.get("x-middleware-next")).toBe("1");
    } finally {
      await down.close();
    }
    const up = await openDatabase({ pgliteDir: "memory://" });
    try {
      await watchDatabase(up.db, { intervalMs: 60_000 }).check();
      expect(databaseDownSince()).toBeNull();
      const response = page();
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("content-security-policy")).toContain("'nonce-");
      expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    } finally {
      await up.close();
    }
  });
});
