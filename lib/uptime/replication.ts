/** A node's newest replication cursor: originator id → last sequence id (uint64 as decimal). */
export type NodeCursor = { nodeId: number; at: Date; cursor: Record<string, string> };

export type Replication = {
  at: Date | null;
  originators: { originator: string; max: string; min: string; divergence: string; nodes: number }[];
  nodes: { nodeId: number; at: Date; lag: string; lagByOriginator: Record<string, string> }[];
};

// Stryker disable next-line StringLiteral: BigInt("") is 0n, as BigInt("0") is
const value = (cursor: Record<string, string>, originator: string) => BigInt(cursor[originator] ?? "0");

// The sign of a difference survives Number() however large it is, which is all sort() reads.
const ascending = (a: bigint, b: bigint) => Number(a - b);

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
    const sorted = [...values].sort(ascending);
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
    at: latest.length ? new Date(Math.max(...latest.map((row) => row.at.getTime()))) : null,
    originators: spread,
    nodes: latest.map((row) => {
      const lagByOriginator = Object.fromEntries(
        originators.map((originator) => [
          originator,
          ((maxOf.get(originator) ?? 0n) - value(row.cursor, originator)).toString(),
        ]),
      );
      const lag = Object.values(lagByOriginator).map(BigInt).sort(ascending).at(-1) ?? 0n;
      return { nodeId: row.nodeId, at: row.at, lag: lag.toString(), lagByOriginator };
    }),
  };
}

/** Each node's lag alone, as `replication` computes it, without the per-originator detail. */
export function lagsOf(cursors: readonly NodeCursor[]): Map<number, string> {
  const parsed = cursors.map((row) => ({
    nodeId: row.nodeId,
    values: new Map(Object.entries(row.cursor).map(([originator, seq]) => [originator, BigInt(seq)])),
  }));
  const maxOf = new Map<string, bigint>();
  for (const { values } of parsed)
    for (const [originator, seq] of values)
      if (seq > (maxOf.get(originator) ?? 0n)) maxOf.set(originator, seq);
  const lags = new Map<number, string>();
  for (const { nodeId, values } of parsed) {
    let lag = 0n;
    for (const [originator, max] of maxOf) {
      const behind = max - (values.get(originator) ?? 0n);
      if (behind > lag) lag = behind;
    }
    lags.set(nodeId, lag.toString());
  }
  return lags;
}
