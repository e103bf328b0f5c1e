/** Read API answers: JSON (or CSV where tabular), public cache headers and CORS for GET. */
const HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "cache-control": "public, max-age=30, stale-while-revalidate=120",
};

export function jsonResponse(data: unknown, init: { status?: number } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: HEADERS });
}

export function apiError(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { ...HEADERS, "cache-control": "no-store" } },
  );
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function csvResponse(rows: Record<string, unknown>[], columns: string[], filename: string): Response {
  const lines = [
    columns.join(","),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(",")),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      ...HEADERS,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `inline; filename="${filename}"`,
    },
  });
}

export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...HEADERS,
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "86400",
    },
  });
}
