import type { ZodError } from "zod";

export type Issue = { path: string; message: string };

/** A refusal with its HTTP status; every ingest endpoint answers it in one shape. */
export class IngestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

export function issuesOf(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

export function errorResponse(error: IngestError): Response {
  const body = {
    error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
  };
  return Response.json(body, { status: error.status, headers: error.headers });
}
