import { ReferenceArea, ReferenceLine } from "recharts";
import type { AnnotationSpan } from "@/lib/charts/annotations";

const COLOURS = { incident: "var(--status-down)", maintenance: "var(--accent)" } as const;

/**
 * Incidents and maintenance windows as shaded spans (a line when one bucket holds the whole of it),
 * each labelled in words, never by colour alone. Called inline: recharts reads its direct children.
 */
export function annotationMarks(spans: readonly AnnotationSpan[]) {
  return spans.map((span) => {
    const label = {
      value: span.label,
      position: "insideTopLeft" as const,
      fontSize: 11,
      fontWeight: 600,
      fill: "var(--ink)",
    };
    return span.x1 === span.x2 ? (
      <ReferenceLine
        key={span.key}
        x={span.x1}
        stroke={COLOURS[span.kind]}
        strokeDasharray="3 3"
        strokeOpacity={0.7}
        label={{ ...label, position: "insideTopRight" }}
      />
    ) : (
      <ReferenceArea
        key={span.key}
        x1={span.x1}
        x2={span.x2}
        fill={COLOURS[span.kind]}
        fillOpacity={0.08}
        stroke={COLOURS[span.kind]}
        strokeOpacity={0.3}
        label={label}
      />
    );
  });
}
