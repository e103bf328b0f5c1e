import { describe, expect, it } from "vitest";
import { isRegistryStale } from "@/lib/chain/freshness";

describe("registry freshness", () => {
  const syncedAt = new Date("2026-11-22T10:00:00Z");

  it("is fresh while the worker's last three passes may still be pending", () => {
    expect(isRegistryStale(syncedAt, new Date("2026-11-22T10:03:00Z"))).toBe(false);
  });

  it("is stale once the last successful read is more than three minutes old", () => {
    expect(isRegistryStale(syncedAt, new Date("2026-11-22T10:03:01Z"))).toBe(true);
  });
});
