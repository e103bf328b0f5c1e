/** An error and the errors it wraps (`cause`), outermost first. */
function chain(error: unknown): unknown[] {
  // Stryker disable next-line ArrayDeclaration: a string seeded into the chain has no code or message, so it never matches
  const out: unknown[] = [];
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    out.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

// Connection failures (Node's socket codes) and Postgres's "cannot take you now" SQLSTATEs.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "57P01",
  "57P02",
  "57P03",
]);
const UNAVAILABLE_MESSAGE =
  /connection terminated|connection (is )?closed|client (was|has been) closed|timeout exceeded when trying to connect|pglite is closed/i;

/** Whether an error means the database cannot be reached now (rather than that a query is wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((entry) => {
    const { code, message } = entry as { code?: unknown; message?: unknown };
    return UNAVAILABLE_CODES.has(String(code)) || UNAVAILABLE_MESSAGE.test(String(message));
  });
}

export const firstLine = (entry: unknown) => {
  const [line] = (entry instanceof Error ? entry.message : String(entry)).split("\n");
  // Stryker disable next-line OptionalChaining,StringLiteral: split always yields a first element, so the trailing ?? "" never runs
  return line?.trim() ?? "";
};

/**
 * What may be logged or stored of an error: the first line of its message, never a failed query's
 * parameters (drizzle puts them on a `params:` line: token hashes, payloads), with the database's
 * own reason for a failed query; one line, bounded.
 */
export function safeErrorMessage(error: unknown): string {
  const failedQuery = typeof error === "object" && error !== null && "query" in error && "params" in error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const text = failedQuery && cause ? `${firstLine(error)}: ${firstLine(cause)}` : firstLine(error);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text || "unknown error";
}
