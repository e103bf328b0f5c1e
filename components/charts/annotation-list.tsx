import { annotationText, type ChartAnnotation } from "@/lib/charts/annotations";

/** The incidents and maintenance windows a chart marks, in words: what the shading means, without colour. */
export function AnnotationList({ annotations }: { annotations: readonly ChartAnnotation[] }) {
  if (annotations.length === 0) return null;
  return (
    <ul
      aria-label="Marked on the chart"
      data-testid="chart-annotations"
      className="mt-2 text-ink-muted text-xs"
    >
      {annotations.map((annotation) => (
        <li key={`${annotation.kind}-${annotation.id}`}>{annotationText(annotation)}</li>
      ))}
    </ul>
  );
}
