import type { CriterionInput } from "./evaluate";

/** How many rows of a criterion's evidence one response holds by default, and at most. */
export const EVIDENCE_PAGE_DEFAULT = 1000;
export const EVIDENCE_PAGE_MAX = 10_000;

const LISTS = ["results", "runs", "nodes"] as const;

export type EvidencePage = {
  list: (typeof LISTS)[number];
  offset: number;
  limit: number;
  total: number;
  /** The offset of the next page, null on the last one. */
  nextOffset: number | null;
};

/**
 * One page of a criterion's evidence: its list of rows (results, runs or nodes) cut to
 * [offset, offset + limit), the rest of the input as it is. The figure is computed from all of it.
 */
export function evidencePage(
  input: CriterionInput,
  { offset, limit }: { offset: number; limit: number },
): { input: CriterionInput; page: EvidencePage | null } {
  const list = LISTS.find((name) => name in input);
  if (!list) return { input, page: null };
  // Stryker disable next-line ArrayDeclaration: the list was found with `in` and every input type holds it as an array, so ?? [] never runs
  const rows = (input as unknown as Record<string, unknown[]>)[list] ?? [];
  const end = offset + limit;
  return {
    input: { ...input, [list]: rows.slice(offset, end) } as CriterionInput,
    page: { list, offset, limit, total: rows.length, nextOffset: end < rows.length ? end : null },
  };
}
