import type { z } from "zod";

/** A page's or a request's parameters, the first of each repeated one, empty ones left out (as GET forms send them). */
export const firstOfEach = (params: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const one = Array.isArray(value) ? value[0] : value;
      return one === undefined || one === "" ? [] : [[key, one]];
    }),
  );

/** A request's query string as a page gets it: each parameter with all its values. */
export const searchParamsOf = (url: string) => {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
};

/** "range: Invalid option…": the first problem of a query, naming its parameter. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`;
}
