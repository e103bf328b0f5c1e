/**
 * Postgres binds at most 65,535 parameters a statement, so a multi-row insert goes in chunks of rows
 * (1,000 rows of up to 65 columns each stay under it).
 */
export const INSERT_CHUNK_ROWS = 1000;

export function chunks<T>(rows: readonly T[], size = INSERT_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}
