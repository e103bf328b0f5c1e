import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse, IngestError, issuesOf } from "@/lib/ingest/errors";

describe("an ingest refusal", () => {
  it("is an Error that carries its status, code, issues and headers", () => {
    const issues = [{ path: "runId", message: "Required" }];
    const error = new IngestError(429, "rate_limited", "too many", issues, { "retry-after": "3" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("IngestError");
    expect(error.message).toBe("too many");
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      issues,
      headers: { "retry-after": "3" },
    });
  });

  it("is answered in the one error shape with its status and headers", async () => {
    const response = errorResponse(
      new IngestError(400, "invalid_body", "the body does not match the expected shape", [
        { path: "passed", message: "does not match the passed cases" },
      ]),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_body",
        message: "the body does not match the expected shape",
        issues: [{ path: "passed", message: "does not match the passed cases" }],
      },
    });
  });

  it("leaves issues out of the answer when there are none, and sends its headers", async () => {
    const response = errorResponse(
      new IngestError(401, "unauthorized", "no token", undefined, {
        "www-authenticate": 'Bearer realm="ingest"',
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="ingest"');
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "no token" } });
  });
});

describe("the issues of a schema's refusal", () => {
  it("name each field by its dotted path, and the whole body as (body)", () => {
    const schema = z.object({ results: z.array(z.object({ count: z.number() })) });
    const nested = schema.safeParse({ results: [{ count: 1 }, { count: "x" }] });
    expect(nested.success).toBe(false);
    if (nested.success) return;
    expect(issuesOf(nested.error)).toEqual([
      { path: "results.1.count", message: nested.error.issues[0]?.message },
    ]);
    const whole = schema.safeParse("not an object");
    if (whole.success) return;
    expect(issuesOf(whole.error).map((issue) => issue.path)).toEqual(["(body)"]);
  });
});
