import { z } from "zod";
import { NETWORK_KEYS, type NetworkKey } from "./env";

export const DEFAULT_NETWORK: NetworkKey = "testnet";

const networkParam = z.enum(NETWORK_KEYS).default(DEFAULT_NETWORK);

/** The `?network=` of a page: testnet by default, undefined when the value names no network. */
export function parseNetworkParam(value: string | string[] | undefined): NetworkKey | undefined {
  const result = networkParam.safeParse(Array.isArray(value) ? value[0] : value);
  return result.success ? result.data : undefined;
}
