import { BLOCKED_ADDRESS_CODE } from "./address-guard";
import type { ProbeErrorClass } from "./record";

export class ProbeError extends Error {
  constructor(
    readonly errorClass: ProbeErrorClass,
    message: string,
  ) {
    super(message);
    this.name = "ProbeError";
  }
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "ENODATA", "ESERVFAIL"]);
const TIMEOUT_CODES = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

/** Maps whatever fetch threw (undici wraps the socket error in `cause`) to a probe error class. */
export function classifyError(error: unknown): { errorClass: ProbeErrorClass; message: string } {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, name, message } = current as { code?: string; name?: string; message?: string };
    if (current instanceof ProbeError) return { errorClass: current.errorClass, message: current.message };
    if (code === BLOCKED_ADDRESS_CODE)
      return { errorClass: "blocked_address", message: message ?? "address blocked" };
    if (code === "ECONNREFUSED") return { errorClass: "refused", message: "connection refused" };
    if (code && DNS_CODES.has(code)) return { errorClass: "dns", message: `DNS: ${code}` };
    if (code && TIMEOUT_CODES.has(code)) return { errorClass: "timeout", message: message ?? code };
    if (code && TLS_CODE.test(code)) return { errorClass: "tls", message: `TLS: ${message ?? code}` };
    if (name === "TimeoutError") return { errorClass: "timeout", message: message ?? "timed out" };
    current = (current as { cause?: unknown }).cause;
  }
  const root = rootMessage(error);
  return { errorClass: "other", message: root };
}

function rootMessage(error: unknown): string {
  let current = error as { message?: string; code?: string; cause?: unknown } | undefined;
  let message = String(error);
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.message) message = current.code ? `${current.code}: ${current.message}` : current.message;
    current = current.cause as typeof current;
  }
  return message;
}
