// Without zod or any other dependency: charts and pages that ship to the browser import this.

/** "the whole network", "node 300", "nodes 100 and 300", "nodes 100, 200 and 300". */
export function affectedText(nodeIds: readonly number[]): string {
  if (nodeIds.length === 0) return "the whole network";
  if (nodeIds.length === 1) return `node ${nodeIds[0]}`;
  return `nodes ${nodeIds.slice(0, -1).join(", ")} and ${nodeIds.at(-1)}`;
}
