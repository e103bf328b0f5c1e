import { describe, expect, it } from "vitest";
import { annotationSpans, annotationText, type ChartAnnotation } from "@/lib/charts/annotations";

const DAY = 86_400_000;
const start = Date.parse("2026-12-01T00:00:00Z");
const days = Array.from({ length: 5 }, (_, i) => ({
  key: new Date(start + i * DAY).toISOString().slice(0, 10),
  start: start + i * DAY,
}));
const now = start + 4 * DAY + 6 * 3_600_000; // 06:00 on the last day
const at = (day: number, hour = 0) => new Date(start + day * DAY + hour * 3_600_000).toISOString();
const incident = (from: string, to: string | null, id = 1): ChartAnnotation => ({
  kind: "incident",
  id,
  title: "Sync stalled",
  nodeIds: [300],
  severity: "major",
  from,
  to,
});

describe("annotations on a chart's buckets", () => {
  it("span from the bucket they start in to the bucket they end in", () => {
    expect(annotationSpans([incident(at(1, 10), at(2, 3))], days, DAY, now)).toEqual([
      { key: "incident-1", kind: "incident", label: "1", x1: "2026-12-02", x2: "2026-12-03" },
    ]);
  });

  it("end in the bucket before the one their end time opens", () => {
    expect(annotationSpans([incident(at(1, 10), at(2))], days, DAY, now)[0]).toMatchObject({
      x1: "2026-12-02",
      x2: "2026-12-02",
    });
  });

  it("are clamped to the chart, and left out when wholly outside it", () => {
    const spans = annotationSpans(
      [
        incident(at(-3), at(1, 1), 1),
        incident(at(3), at(9), 2),
        incident(at(-9), at(-1), 3),
        incident(at(5, 1), at(6), 4),
        incident(at(-9), at(0), 5), // ends as the chart begins
      ],
      days,
      DAY,
      now,
    );
    // Each keeps its number in the whole list, as the list under the chart shows it.
    expect(spans.map((span) => [span.key, span.label, span.x1, span.x2])).toEqual([
      ["incident-1", "1", "2026-12-01", "2026-12-02"],
      ["incident-2", "2", "2026-12-04", "2026-12-05"],
    ]);
  });

  it("last until now while not over, and none are drawn on a chart without buckets", () => {
    expect(annotationSpans([incident(at(2, 5), null)], days, DAY, now)[0]).toMatchObject({
      x1: "2026-12-03",
      x2: "2026-12-05",
    });
    expect(annotationSpans([incident(at(2, 5), null)], [], DAY, now)).toEqual([]);
  });

  it("say what, where and when in words", () => {
    expect(annotationText({ ...incident(at(1), at(2)), nodeIds: [100, 200, 300] })).toContain(
      "on nodes 100, 200 and 300,",
    );
    expect(annotationText(incident(at(1, 10), at(2, 3)))).toBe(
      'Major incident "Sync stalled" on node 300, 2026-12-02 10:00 UTC to 2026-12-03 03:00 UTC',
    );
    expect(
      annotationText({
        ...incident(at(1), null),
        kind: "maintenance",
        nodeIds: [],
        severity: null,
        title: "Upgrade",
      }),
    ).toBe('Maintenance "Upgrade" on the whole network, 2026-12-02 00:00 UTC, not over yet');
  });
});
