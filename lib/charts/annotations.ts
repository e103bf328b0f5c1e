import { affectedText } from "@/lib/affected-nodes";
import { formatUtc } from "@/lib/format";

/** An incident or a maintenance window, as the charts it falls on mark it. */
export type ChartAnnotation = {
  kind: "incident" | "maintenance";
  id: number;
  title: string;
  /** The nodes it bears on; none: the whole network. */
  nodeIds: number[];
  severity: string | null;
  from: string;
  /** null: not over yet. */
  to: string | null;
};

/** Where an annotation is drawn: from the first bucket it touches to the last, by the buckets' keys; its label is its number in the list. */
export type AnnotationSpan = {
  key: string;
  kind: ChartAnnotation["kind"];
  label: string;
  x1: string;
  x2: string;
};

/** The last bucket starting at or before `at` (buckets in time order). */
const bucketAt = (buckets: readonly { start: number }[], at: number) => {
  let found = 0;
  for (const [index, bucket] of buckets.entries()) if (bucket.start <= at) found = index;
  return found;
};

/**
 * Each annotation among a chart's buckets (`size` ms each, keyed as the chart's x axis keys them):
 * the first and the last bucket it overlaps, clamped to the chart; none for one wholly outside.
 * An incident not resolved yet lasts until `now`.
 */
export function annotationSpans(
  annotations: readonly ChartAnnotation[],
  buckets: readonly { key: string; start: number }[],
  size: number,
  now: number,
): AnnotationSpan[] {
  const first = buckets[0]?.start;
  const last = buckets.at(-1)?.start;
  if (first === undefined || last === undefined) return [];
  const end = last + size;
  return annotations.flatMap((annotation, index) => {
    const from = Date.parse(annotation.from);
    const to = annotation.to === null ? now : Date.parse(annotation.to);
    if (!(to > from) || to <= first || from >= end) return [];
    const x1 = buckets[bucketAt(buckets, Math.max(from, first))]?.key as string;
    const x2 = buckets[bucketAt(buckets, Math.min(to, end) - 1)]?.key as string;
    // Numbered as the list under the chart numbers them: short enough never to crowd at 360 px.
    const label = String(index + 1);
    return [{ key: `${annotation.kind}-${annotation.id}`, kind: annotation.kind, label, x1, x2 }];
  });
}

/** "Incident "Sync stalled" on node 300, 2026-12-01 10:00 UTC to 2026-12-01 12:30 UTC": its words beside the chart. */
export function annotationText(annotation: ChartAnnotation): string {
  const what =
    annotation.kind === "incident" ? `${capital(annotation.severity ?? "")} incident` : "Maintenance";
  const where = affectedText(annotation.nodeIds);
  const until = annotation.to === null ? ", not over yet" : ` to ${formatUtc(new Date(annotation.to))}`;
  return `${what.trim()} "${annotation.title}" on ${where}, ${formatUtc(new Date(annotation.from))}${until}`;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
