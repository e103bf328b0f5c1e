import { describe, expect, it } from "vitest";
import {
  endpointHost,
  formatAgo,
  formatAvailability,
  formatCount,
  formatCoverage,
  formatDecimal,
  formatMinutes,
  formatTarget,
  formatUtc,
  formatValue,
  plural,
} from "@/lib/format";

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

describe("formatting node health", () => {
  it("floors availability to two decimals, so a near-perfect window never reads 100%", () => {
    expect(formatAvailability(1)).toBe("100.00%");
    expect(formatAvailability(0.99995)).toBe("99.99%");
    expect(formatAvailability(0.9995)).toBe("99.95%");
    expect(formatAvailability(0)).toBe("0.00%");
    expect(formatAvailability(null)).toBe("no data");
  });

  it("writes coverage as a whole percentage, a sliver of data as under 1%", () => {
    expect(formatCoverage(1)).toBe("100%");
    expect(formatCoverage(0.987)).toBe("98%");
    expect(formatCoverage(0.004)).toBe("< 1%");
    expect(formatCoverage(0)).toBe("0%");
  });

  it("writes minutes as minutes, hours and days", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(125)).toBe("2 h 5 min");
    expect(formatMinutes(3 * 1440 + 4 * 60 + 7)).toBe("3 d 4 h");
  });

  it("groups digits of counts and of uint64 values beyond a double's precision", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount("18446744073709551615")).toBe("18,446,744,073,709,551,615");
    expect(plural(1, "region")).toBe("1 region");
    expect(plural(1200, "sample")).toBe("1,200 samples");
    expect(formatDecimal(11.25)).toBe("11.3");
    expect(formatDecimal(1234.56)).toBe("1,234.6");
    expect(formatDecimal(12)).toBe("12");
  });
});
