import { describe, expect, it } from "vitest";
import { BLOCKED_ADDRESS_CODE, BlockedAddressError } from "@/lib/probe/address-guard";
import { classifyError, ProbeError } from "@/lib/probe/errors";

const coded = (code: string, message?: string, cause?: unknown) =>
  Object.assign(message === undefined ? {} : new Error(message), { code, ...(cause ? { cause } : {}) });
/** fetch's own wrapping: a TypeError whose cause is the socket error. */
const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });
/** `error` wrapped in `depth` layers of plain errors. */
const wrapped = (error: unknown, depth: number): unknown =>
  depth === 0 ? error : new Error(`layer ${depth}`, { cause: wrapped(error, depth - 1) });

describe("how a failed fetch is classified", () => {
  it("keeps the class and message of the prober's own errors, wrapped or not", () => {
    const own = new ProbeError("timeout", "no complete answer within 5 ms");
    expect(own).toBeInstanceOf(Error);
    expect(own.name).toBe("ProbeError");
    expect(classifyError(own)).toEqual({ errorClass: "timeout", message: "no complete answer within 5 ms" });
    expect(classifyError(fetchFailed(new ProbeError("malformed", "too big")))).toEqual({
      errorClass: "malformed",
      message: "too big",
    });
  });

  it("calls a blocked address blocked, with the guard's message", () => {
    const blocked = new BlockedAddressError("node.example", "10.0.0.1");
    expect(classifyError(fetchFailed(blocked))).toEqual({
      errorClass: "blocked_address",
      message: blocked.message,
    });
    expect(classifyError(coded(BLOCKED_ADDRESS_CODE))).toEqual({
      errorClass: "blocked_address",
      message: "address blocked",
    });
  });

  it("calls ECONNREFUSED refused", () => {
    expect(classifyError(fetchFailed(coded("ECONNREFUSED", "connect ECONNREFUSED 1.2.3.4:5")))).toEqual({
      errorClass: "refused",
      message: "connection refused",
    });
  });

  it.each(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "ENODATA", "ESERVFAIL"])(
    "calls %s a DNS failure",
    (code) => {
      expect(classifyError(fetchFailed(coded(code, `getaddrinfo ${code} x`)))).toEqual({
        errorClass: "dns",
        message: `DNS: ${code}`,
      });
    },
  );

  it.each(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"])(
    "calls %s a timeout, with its message or else its code",
    (code) => {
      expect(classifyError(fetchFailed(coded(code, "took too long")))).toEqual({
        errorClass: "timeout",
        message: "took too long",
      });
      expect(classifyError(coded(code))).toEqual({ errorClass: "timeout", message: code });
    },
  );

  it.each([
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "ERR_SSL_WRONG_VERSION_NUMBER",
    "ERR_OSSL_EVP_UNSUPPORTED",
    "CERT_HAS_EXPIRED",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "HOSTNAME_MISMATCH",
  ])("calls %s a TLS failure", (code) => {
    expect(classifyError(fetchFailed(coded(code, "handshake failed")))).toEqual({
      errorClass: "tls",
      message: "TLS: handshake failed",
    });
    expect(classifyError(coded(code))).toEqual({ errorClass: "tls", message: `TLS: ${code}` });
  });

  it("does not call a code TLS because it merely contains a TLS prefix", () => {
    expect(classifyError(coded("XERR_TLS_FOO", "odd"))).toEqual({
      errorClass: "other",
      message: "XERR_TLS_FOO: odd",
    });
  });

  it("calls a TimeoutError a timeout", () => {
    expect(classifyError(new DOMException("The operation timed out.", "TimeoutError"))).toEqual({
      errorClass: "timeout",
      message: "The operation timed out.",
    });
    expect(classifyError({ name: "TimeoutError" })).toEqual({ errorClass: "timeout", message: "timed out" });
  });

  it("looks through four layers of causes, not more", () => {
    const refused = coded("ECONNREFUSED", "refused");
    expect(classifyError(wrapped(refused, 4)).errorClass).toBe("refused");
    expect(classifyError(wrapped(refused, 5)).errorClass).toBe("other");
    expect(classifyError(wrapped(new ProbeError("dns", "x"), 4)).errorClass).toBe("dns");
  });

  it("names anything else by its deepest message, with its code", () => {
    expect(classifyError(fetchFailed(coded("UND_ERR_SOCKET", "other side closed")))).toEqual({
      errorClass: "other",
      message: "UND_ERR_SOCKET: other side closed",
    });
    expect(classifyError(fetchFailed(new Error("")))).toEqual({
      errorClass: "other",
      message: "fetch failed",
    });
    expect(classifyError(new Error("plain"))).toEqual({ errorClass: "other", message: "plain" });
    expect(classifyError("a string")).toEqual({ errorClass: "other", message: "a string" });
    expect(classifyError(undefined)).toEqual({ errorClass: "other", message: "undefined" });
  });

  it("reads the message of at most five layers", () => {
    const deep = wrapped(new Error("bottom"), 5);
    expect(classifyError(deep).message).toBe("layer 1");
    expect(classifyError(wrapped(new Error("bottom"), 4)).message).toBe("bottom");
  });
});
