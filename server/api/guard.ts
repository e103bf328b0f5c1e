import { isDatabaseUnavailable, safeErrorMessage } from "@/lib/errors";
import { withEtag } from "./etag";
import { apiError } from "./respond";

const RETRY_AFTER_S = 30;

/**
 * Wraps a route handler: a database that cannot be reached is a 503 with Retry-After, anything else
 * unexpected a 500 in the API's error shape. Either is logged without a query's parameters. A GET
 * answered 200 carries an ETag, and If-None-Match is answered 304.
 */
export function guarded<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      const response = await handler(...args);
      // Route handlers take the request first: a GET's answer is made conditional.
      return args[0] instanceof Request ? await withEtag(args[0], response) : response;
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      console.error(`[api] ${unavailable ? "database unavailable" : "failed"}: ${safeErrorMessage(error)}`);
      if (!unavailable) return apiError(500, "internal_error", "the request could not be completed");
      const response = apiError(
        503,
        "database_unavailable",
        "the data store is unreachable; try again shortly",
      );
      response.headers.set("retry-after", String(RETRY_AFTER_S));
      return response;
    }
  };
}
