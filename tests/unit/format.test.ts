import { describe, expect, it } from "vitest";
import { endpointHost, formatAgo, formatTarget, formatUtc, formatValue } from "@/lib/format";

describe("formatting targets and values", () => {
  it("writes targets the way the roadmap states them", () => {
    expect(formatTarget("lt", 100, "ms")).toBe("< 100 ms");
    expect(formatTarget("lt", 2500, "ms")).toBe("< 2.5 s");
    expect(formatTarget("gte", 1000, "msg/s")).toBe("≥ 1,000 msg/s");
    expect(formatTarget("gte", 10_000_000, "msg/day")).toBe("≥ 10M msg/day");
    expect(formatTarget("gte", 99.99, "%")).toBe("≥ 99.99%");
    expect(formatTarget("eq", 0, "%")).toBe("= 0%");
    expect(formatTarget("gte", 7, "nodes")).toBe("≥ 7 nodes");
  });

  it("rounds measured values to two decimals", () => {
    expect(formatValue(87.456, "ms")).toBe("87.46 ms");
    expect(formatValue(1234.5, "ms")).toBe("1.23 s");
  });

  it("writes times in UTC and ages relative to a given clock", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(formatUtc(new Date("2026-11-22T02:31:09Z"))).toBe("2026-11-22 02:31 UTC");
    expect(formatAgo(new Date("2026-11-22T11:59:30Z"), now)).toBe("just now");
    expect(formatAgo(new Date("2026-11-22T11:48:00Z"), now)).toBe("12 min ago");
    expect(formatAgo(new Date("2026-11-22T09:00:00Z"), now)).toBe("3 h ago");
    expect(formatAgo(new Date("2026-11-19T12:00:00Z"), now)).toBe("3 days ago");
  });

  it("shows only the host of an RPC endpoint, hiding keys in its path", () => {
    expect(endpointHost("https://base-sepolia.example.com/v2/SECRETKEY")).toBe("base-sepolia.example.com");
  });
});
