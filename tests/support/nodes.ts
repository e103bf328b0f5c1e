import type { Db } from "@/db/client";
import { nodes } from "@/db/schema";

/** Registry nodes as a sync would leave them, for tests that start after the registry. */
export async function insertNodes(
  db: Db,
  network: string,
  entries: {
    nodeId: number;
    httpAddress?: string;
    isCanonical?: boolean;
    registeredAt?: Date;
    owner?: string;
  }[],
) {
  await db.insert(nodes).values(
    entries.map((entry) => ({
      network,
      nodeId: entry.nodeId,
      owner: entry.owner ?? `0x${entry.nodeId.toString(16).padStart(40, "0")}`,
      signer: `0x${"1".repeat(40)}`,
      signingPublicKey: "0x04",
      httpAddress: entry.httpAddress ?? `https://node-${entry.nodeId}.example.org`,
      isCanonical: entry.isCanonical ?? true,
      registeredAt: entry.registeredAt ?? new Date("2026-01-01T00:00:00Z"),
    })),
  );
}
