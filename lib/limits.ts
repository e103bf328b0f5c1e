/** Bounds shared by the ingest schemas, the prober's cleaning and the route parsers. */

/** A Postgres `integer` (int4): node ids and the counts stored in int4 columns. */
export const INT4_MAX = 2_147_483_647;

// What a node sends is the operator's text: bounded before it is stored or pushed.
export const MAX_VERSION_CHARS = 200;
export const MAX_ERROR_CHARS = 2000;
export const MAX_CURSOR_ENTRIES = 1000;

/** A probing region's name, as the prober, its CLI and the probe ingest accept it. */
export const REGION_PATTERN = /^[a-z0-9-]{1,40}$/;
export const REGION_RULE = "must be lowercase letters, digits and dashes (at most 40)";

// What a measurement can plausibly be: beyond these a number is a runner's bug, not a result.
/** A latency or a test case's duration: at most a day, in ms. */
export const MAX_DURATION_MS = 86_400_000;
/** A throughput run's length: at most 31 days, in s. */
export const MAX_RUN_S = 31 * 86_400;
/** A message rate, messages a second, peak or average: ten million (the roadmap's targets are 30–3,000). */
export const MAX_RATE_PER_S = 10_000_000;
