import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, safeErrorMessage } from "@/lib/errors";

const withCode = (code: unknown, message = "failed") => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown, depth: number): unknown =>
  depth === 0 ? cause : new Error(`layer ${depth}`, { cause: wrapped(cause, depth - 1) });

describe("whether the database cannot be reached now", () => {
  it("is so for a refused or reset connection and for Postgres's connection SQLSTATEs", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "08006", "53300", "57P01"])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
  });

  it("is not so for a query the database refused (a constraint, a syntax error)", () => {
    expect(isDatabaseUnavailable(withCode("23505", "duplicate key value"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("42601", "syntax error at or near"))).toBe(false);
  });

  it("ignores a code that is not a string", () => {
    expect(isDatabaseUnavailable(withCode(8006))).toBe(false);
  });

  it("is so for a driver's words of a lost or closed connection, in any case", () => {
    for (const message of [
      "Connection terminated unexpectedly",
      "connection is closed",
      "Client has been closed and is not queryable",
      "timeout exceeded when trying to connect",
      "PGlite is closed",
    ])
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
  });

  it("ignores a message that is not a string", () => {
    expect(isDatabaseUnavailable({ message: 42 })).toBe(false);
  });

  it("looks through the errors it wraps, up to six deep", () => {
    expect(isDatabaseUnavailable(wrapped(withCode("ECONNREFUSED"), 1))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode("ECONNREFUSED"), 5))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode("ECONNREFUSED"), 6))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(withCode("23505"), 2))).toBe(false);
  });

  it("ends on an error that wraps itself", () => {
    const loop = new Error("loop") as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });

  it("is not so for nothing at all", () => {
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe("what may be logged of an error", () => {
  const failedQuery = (cause?: unknown) =>
    Object.assign(new Error("Failed query: select * from tokens where hash = $1\nparams: 9f8e7d"), {
      query: "select * from tokens where hash = $1",
      params: ["9f8e7d"],
      cause,
    });

  it("is the first line of its message, trimmed", () => {
    expect(safeErrorMessage(new Error("  socket hang up  \n    at stack"))).toBe("socket hang up");
  });

  it("names a failed query with the database's reason, never its parameters", () => {
    const message = safeErrorMessage(failedQuery(new Error('relation "tokens" does not exist\ndetail')));
    expect(message).toBe(
      'Failed query: select * from tokens where hash = $1: relation "tokens" does not exist',
    );
    expect(message).not.toContain("9f8e7d");
  });

  it("is the first line alone for a failed query without a reason", () => {
    expect(safeErrorMessage(failedQuery())).toBe("Failed query: select * from tokens where hash = $1");
  });

  it("does not add the cause of an ordinary error, or of one with a query but no parameters", () => {
    expect(safeErrorMessage(new Error("outer", { cause: new Error("inner") }))).toBe("outer");
    const noParams = Object.assign(new Error("outer"), { query: "select 1", cause: new Error("inner") });
    expect(safeErrorMessage(noParams)).toBe("outer");
    const noQuery = Object.assign(new Error("outer"), { params: [], cause: new Error("inner") });
    expect(safeErrorMessage(noQuery)).toBe("outer");
  });

  it("reads thrown strings, nothing and other values as text", () => {
    expect(safeErrorMessage("plain words\nsecond line")).toBe("plain words");
    expect(safeErrorMessage(null)).toBe("null");
    expect(safeErrorMessage(undefined)).toBe("undefined");
    expect(safeErrorMessage(42)).toBe("42");
  });

  it("is 'unknown error' when there are no words", () => {
    expect(safeErrorMessage(new Error(""))).toBe("unknown error");
    expect(safeErrorMessage(new Error("   \nonly the stack"))).toBe("unknown error");
  });

  it("is bounded to 500 characters, ending in an ellipsis when cut", () => {
    expect(safeErrorMessage(new Error("x".repeat(500)))).toBe("x".repeat(500));
    const cut = safeErrorMessage(new Error("y".repeat(501)));
    expect(cut).toHaveLength(500);
    expect(cut).toBe(`${"y".repeat(499)}…`);
  });
});
