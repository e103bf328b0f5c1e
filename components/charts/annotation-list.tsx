import { annotationText, type ChartAnnotation } from "@/lib/charts/annotations";

/** The incidents and maintenance windows a chart marks, numbered as its marks are, in words: what the shading means, without colour. */
export function AnnotationList({
  annotations,
  label = "Marked on the chart",
}: {
  annotations: readonly ChartAnnotation[];
  label?: string;
}) {
  if (annotations.length === 0) return null;
  return (
    <ol
      aria-label={label}
      data-testid="chart-annotations"
      className="mt-2 flex flex-col gap-1 text-ink-muted text-xs"
    >
      {annotations.map((annotation, index) => (
        <li key={`${annotation.kind}-${annotation.id}`}>
          <span className="font-medium text-ink">{index + 1}</span> {annotationText(annotation)}
        </li>
      ))}
    </ol>
  );
}
