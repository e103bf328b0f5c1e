import { isDatabaseUnavailable, safeErrorMessage } from "@/lib/errors";

const RETRY_AFTER_S = 30;

/**
 * Wraps a route handler: a database that cannot be reached is a 503 with Retry-After, anything else
 * unexpected a 500 in the API's error shape. Either is logged without a query's parameters.
 */
export function guarded<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      console.error(`[api] ${unavailable ? "database unavailable" : "failed"}: ${safeErrorMessage(error)}`);
      return unavailable
        ? Response.json(
            {
              error: {
                code: "database_unavailable",
                message: "the data store is unreachable; try again shortly",
              },
            },
            {
              status: 503,
              headers: {
                "retry-after": String(RETRY_AFTER_S),
                "cache-control": "no-store",
                "access-control-allow-origin": "*",
              },
            },
          )
        : Response.json(
            { error: { code: "internal_error", message: "the request could not be completed" } },
            { status: 500, headers: { "cache-control": "no-store", "access-control-allow-origin": "*" } },
          );
    }
  };
}
