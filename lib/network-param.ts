import { z } from "zod";
import { NETWORK_KEYS, type NetworkKey } from "./env";

const networkKey = z.enum(NETWORK_KEYS);

/** The `?network=` of a page: `fallback` when absent, undefined when the value names no network. */
export function parseNetworkParam(
  value: string | string[] | undefined,
  fallback: NetworkKey,
): NetworkKey | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return fallback;
  const result = networkKey.safeParse(first);
  return result.success ? result.data : undefined;
}
