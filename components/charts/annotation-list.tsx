import { annotationText, type ChartAnnotation } from "@/lib/charts/annotations";

/** The incidents and maintenance windows a chart marks, in words: what the shading means, without colour. */
export function AnnotationList({
  annotations,
  label = "Marked on the chart",
}: {
  annotations: readonly ChartAnnotation[];
  label?: string;
}) {
  if (annotations.length === 0) return null;
  return (
    <ul
      aria-label={label}
      data-testid="chart-annotations"
      className="mt-2 flex flex-col gap-1 text-ink-muted text-xs"
    >
      {annotations.map((annotation) => (
        <li key={`${annotation.kind}-${annotation.id}`}>{annotationText(annotation)}</li>
      ))}
    </ul>
  );
}
