/**
 * A reference line's label on a chip of the chart's background, so bars and lines under it never
 * hide it. recharts passes the line's `viewBox` (x, y, width) to a label `content`.
 */
export function LineLabel({
  viewBox,
  value,
  color,
  side = "right",
}: {
  viewBox?: { x?: number; y?: number; width?: number };
  value: string;
  color: string;
  side?: "left" | "right";
}) {
  const { x = 0, y = 0, width = 0 } = viewBox ?? {};
  const textWidth = value.length * 6 + 8; // 11 px text: about 6 px a character
  const left = side === "right" ? x + width - textWidth - 2 : x + 2;
  return (
    <g>
      <rect
        x={left}
        y={y - 15}
        width={textWidth}
        height={14}
        rx={3}
        fill="var(--surface)"
        fillOpacity={0.9}
      />
      <text x={left + 4} y={y - 4} fontSize={11} fill={color}>
        {value}
      </text>
    </g>
  );
}
