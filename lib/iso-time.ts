import { z } from "zod";
import { DAY_MS } from "./time";

/** The earliest time a result, a probe or a query may name: before XMTP's decentralized network. */
export const EARLIEST_TIME = "2020-01-01T00:00:00Z";
const EARLIEST_MS = Date.parse(EARLIEST_TIME);

/**
 * An ISO 8601 time with a zone ("Z" or an offset: a naive local time is ambiguous), from 2020 to a
 * day from now: the range Postgres and JavaScript both hold, with room for a runner's clock skew.
 */
export const isoTime = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 time with a zone" })
  .refine(
    (value) => {
      const at = Date.parse(value);
      return at >= EARLIEST_MS && at <= Date.now() + DAY_MS;
    },
    { message: "must be between 2020-01-01 and a day from now" },
  );
