/** Maps a QA operation id to a roadmap key with the editable table: exact ids, or "name-*" for any size. */
export function mapOperation(
  operation: string,
  mappings: { pattern: string; metricKey: string }[],
  roadmapKeys: ReadonlySet<string>,
): string | null {
  if (roadmapKeys.has(operation)) return operation;
  const exact = mappings.find((mapping) => mapping.pattern === operation);
  if (exact) return exact.metricKey;
  const sized = mappings.find(
    (mapping) =>
      mapping.pattern.endsWith("-*") &&
      operation.startsWith(mapping.pattern.slice(0, -1)) &&
      /^\d+$/.test(operation.slice(mapping.pattern.length - 1)),
  );
  return sized?.metricKey ?? null;
}
