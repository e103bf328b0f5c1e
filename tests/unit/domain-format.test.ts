import { describe, expect, it } from "vitest";
import { bearerToken, parseScopes } from "@/lib/auth/tokens";
import {
  endpointHost,
  formatAgo,
  formatCount,
  formatCoverage,
  formatMinutes,
  formatValue,
  plural,
} from "@/lib/format";
import { RATE_WINDOW_MS, retryAfterSeconds, slidingCount, windowStartOf } from "@/lib/rate-limit";

describe("values at the edges of their units", () => {
  it("switches from milliseconds to seconds at 1,000 ms", () => {
    expect(formatValue(999, "ms")).toBe("999 ms");
    expect(formatValue(1000, "ms")).toBe("1 s");
  });

  it("switches to millions at 1,000,000", () => {
    expect(formatValue(999_999, "msg/day")).toBe("999,999 msg/day");
    expect(formatValue(1_000_000, "msg/day")).toBe("1M msg/day");
  });

  it("keeps at most two decimals of a plain value", () => {
    expect(formatValue(1234.567, "msg/s")).toBe("1,234.57 msg/s");
  });
});

describe("ages at the edges of their units", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const earlier = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("is 'just now' under a minute, and minutes from the 60th second", () => {
    expect(formatAgo(earlier(59), now)).toBe("just now");
    expect(formatAgo(earlier(60), now)).toBe("1 min ago");
  });

  it("is hours from the 60th minute, and days from the 48th hour", () => {
    expect(formatAgo(earlier(59 * 60), now)).toBe("59 min ago");
    expect(formatAgo(earlier(60 * 60), now)).toBe("1 h ago");
    expect(formatAgo(earlier(47 * 3600), now)).toBe("47 h ago");
    expect(formatAgo(earlier(48 * 3600), now)).toBe("2 days ago");
  });

  it("treats a time in the future as just now", () => {
    expect(formatAgo(new Date(now.getTime() + 3_600_000), now)).toBe("just now");
  });
});

describe("durations in minutes at the edges of their units", () => {
  it("is hours from 60 minutes and days from 1,440", () => {
    expect(formatMinutes(59)).toBe("59 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(1439)).toBe("23 h 59 min");
    expect(formatMinutes(1440)).toBe("1 d");
  });
});

describe("coverage at 1%", () => {
  it("reads exactly 1% as 1%, not as under 1%", () => {
    expect(formatCoverage(0.01)).toBe("1%");
    expect(formatCoverage(0.0099)).toBe("< 1%");
  });
});

describe("endpoints and counts", () => {
  it("shows text that is not a URL as it is", () => {
    expect(endpointHost("not a url")).toBe("not a url");
    expect(endpointHost("http://127.0.0.1:8545/key")).toBe("127.0.0.1:8545");
  });

  it("makes a plural with an s unless told the word", () => {
    expect(plural(3, "region")).toBe("3 regions");
    expect(plural(0, "node")).toBe("0 nodes");
    expect(plural(2, "day", "days off")).toBe("2 days off");
  });

  it("groups the digits of a count given as a number or as a decimal string", () => {
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount("1234567")).toBe("1,234,567");
    expect(formatCount("18446744073709551615")).toBe("18,446,744,073,709,551,615");
    expect(formatCount(1234.5)).toBe("1,234.5"); // a mean count is not refused
  });
});

describe("ingest token parsing", () => {
  it("names every unknown scope, comma-separated", () => {
    expect(() => parseScopes("admin,root,tests")).toThrow(
      "unknown scope admin, root: scopes are benchmarks, tests, forks, throughput, probes",
    );
  });

  it("lists the scopes there are when none is given", () => {
    expect(() => parseScopes("")).toThrow(
      "give at least one scope: benchmarks, tests, forks, throughput, probes",
    );
  });

  it("reads a bearer token only from a header that starts with Bearer", () => {
    expect(bearerToken("xBearer xdm_abc")).toBeNull();
    expect(bearerToken("Token Bearer xdm_abc")).toBeNull();
    expect(bearerToken("")).toBeNull();
  });
});

describe("rate-limit windows", () => {
  it("start on the minute a time falls in", () => {
    const minute = Date.parse("2026-11-22T10:01:00Z");
    expect(windowStartOf(new Date(minute))).toBe(minute);
    expect(windowStartOf(new Date(minute + RATE_WINDOW_MS - 1))).toBe(minute);
    expect(windowStartOf(new Date(minute + RATE_WINDOW_MS))).toBe(minute + RATE_WINDOW_MS);
    expect(windowStartOf(new Date(minute + 60_000))).toBe(minute + 60_000);
  });

  it("say to wait for this window's own count to fade when it alone is over the limit", () => {
    // 20 requests this window against a limit of 10 (9 besides the retry): 20 × (1 − f) ≤ 9 at f = 0.55,
    // 55% into the next window, whatever the previous window held.
    const W = Date.parse("2026-11-22T10:01:00Z");
    expect(retryAfterSeconds({ current: 20, previous: 10, windowStart: W }, new Date(W), 10)).toBe(93);
  });

  it("say to retry when the next window starts when only the previous window is over a limit of 1", () => {
    // Nothing yet this window, 5 in the previous one: the retry alone is within the limit from the next window.
    const W = Date.parse("2026-11-22T10:01:00Z");
    const counts = { current: 0, previous: 5, windowStart: W };
    expect(slidingCount(counts, new Date(W))).toBeGreaterThan(1);
    expect(retryAfterSeconds(counts, new Date(W), 1)).toBe(60);
    expect(
      slidingCount({ current: 1, previous: 0, windowStart: W + RATE_WINDOW_MS }, new Date(W + 60_000)),
    ).toBe(1);
  });
});
