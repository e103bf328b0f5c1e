/** A node's newest replication cursor: originator id → last sequence id (uint64 as decimal). */
export type NodeCursor = { nodeId: number; at: Date; cursor: Record<string, string> };

export type Replication = {
  at: Date | null;
  originators: { originator: string; max: string; min: string; divergence: string; nodes: number }[];
  nodes: { nodeId: number; at: Date; lag: string; lagByOriginator: Record<string, string> }[];
};

// Stryker disable next-line StringLiteral: BigInt("") is 0n, as BigInt("0") is
const value = (cursor: Record<string, string>, originator: string) => BigInt(cursor[originator] ?? "0");

/**
 * From each node's latest sync cursor: per originator the spread (max − min sequence id across
 * nodes), and per node its lag (the largest max − own over originators). uint64 maths in BigInt:
 * sequence ids exceed Number.MAX_SAFE_INTEGER.
 */
export function replication(latest: readonly NodeCursor[]): Replication {
  const originators = [...new Set(latest.flatMap((row) => Object.keys(row.cursor)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const spread = originators.map((originator) => {
    const values = latest.map((row) => value(row.cursor, originator));
    // Stryker disable next-line EqualityOperator,ConditionalExpression: only the min and max are read, and V8's sort tells only a negative result apart, so 0 or 1 for a >= b sorts them the same
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const min = sorted[0] ?? 0n;
    const max = sorted[sorted.length - 1] ?? 0n;
    return {
      originator,
      max: max.toString(),
      min: min.toString(),
      divergence: (max - min).toString(),
      nodes: values.length,
    };
  });
  const maxOf = new Map(spread.map((entry) => [entry.originator, BigInt(entry.max)]));
  return {
    // Stryker disable next-line EqualityOperator: of two cursors at the same time either is the same moment
    at: latest.reduce<Date | null>((newest, row) => (!newest || row.at > newest ? row.at : newest), null),
    originators: spread,
    nodes: latest.map((row) => {
      const lagByOriginator = Object.fromEntries(
        originators.map((originator) => [
          originator,
          ((maxOf.get(originator) ?? 0n) - value(row.cursor, originator)).toString(),
        ]),
      );
      // Stryker disable next-line EqualityOperator: of two equal lags either is the same value
      const lag = Object.values(lagByOriginator).reduce((a, b) => (BigInt(b) > a ? BigInt(b) : a), 0n);
      return { nodeId: row.nodeId, at: row.at, lag: lag.toString(), lagByOriginator };
    }),
  };
}
