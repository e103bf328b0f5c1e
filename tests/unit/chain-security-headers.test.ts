import { describe, expect, it } from "vitest";
import { ALLOWED_METHODS, contentSecurityPolicy, isDecodablePath, isLocalHost } from "@/lib/security/headers";
import { unavailableHtml } from "@/lib/security/unavailable-page";

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources.join(" ")];
    }),
  );

describe("the content security policy of every page", () => {
  it("allows scripts only from this origin or carrying the request's nonce, and nothing else risky", () => {
    expect(directives(contentSecurityPolicy("abc123==", { dev: false }))).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src": "'self' 'unsafe-inline'",
      "img-src": "'self' data: blob:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
  });

  it("adds eval for React's tooling and websockets for hot reload in development only", () => {
    const dev = directives(contentSecurityPolicy("n0nce", { dev: true }));
    expect(dev["script-src"]).toBe("'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval'");
    expect(dev["connect-src"]).toBe("'self' ws:");
    expect(contentSecurityPolicy("n0nce", { dev: false })).not.toMatch(/unsafe-eval|ws:/);
  });

  it("answers the four methods the dashboard serves", () => {
    expect([...ALLOWED_METHODS]).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
  });
});

describe("hosts that never get HSTS", () => {
  it("counts localhost, its subdomains, IPv6 loopback and 127.0.0.0/8 as this machine, with or without a port", () => {
    for (const host of [
      "localhost",
      "localhost:3000",
      "app.localhost",
      "app.localhost:8080",
      "[::1]",
      "[::1]:3000",
    ])
      expect(isLocalHost(host), host).toBe(true);
    for (const host of ["127.0.0.1", "127.0.0.1:3000", "127.10.20.30"])
      expect(isLocalHost(host), host).toBe(true);
  });

  it("sends HSTS to every other host, including ones that only contain a loopback name", () => {
    for (const host of [
      "dashboard.example.org",
      "localhost.example.org",
      "mylocalhost",
      "10.127.0.1",
      "0.0.0.0",
      "x127.0.0.1",
      "[::1]x",
      "",
    ])
      expect(isLocalHost(host), host).toBe(false);
  });

  it("strips only a trailing port and only surrounding brackets", () => {
    expect(isLocalHost("localhost:3000:extra")).toBe(false);
    expect(isLocalHost("localhost:")).toBe(false);
    expect(isLocalHost("x[::1]")).toBe(false);
    expect(isLocalHost("::[1")).toBe(false);
    expect(isLocalHost("::]1")).toBe(false);
  });
});

describe("paths whose percent-escapes decode", () => {
  it("accepts plain and well-formed UTF-8 escapes, refuses a lone %ff or a cut-off escape", () => {
    expect(isDecodablePath("/nodes/100")).toBe(true);
    expect(isDecodablePath("/nodes/caf%C3%A9")).toBe(true);
    expect(isDecodablePath("/nodes/%ff")).toBe(false);
    expect(isDecodablePath("/nodes/%E2%82")).toBe(false);
  });
});

describe("the page shown while the database is unreachable", () => {
  const html = unavailableHtml(new Date("2026-03-04T05:06:07.890Z"));

  it("says since when, to the minute in UTC", () => {
    expect(html).toContain("has not answered since 2026-03-04 05:06 UTC");
  });

  it("reloads itself every 30 seconds without any script", () => {
    expect(html).toContain('<meta http-equiv="refresh" content="30">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("This page tries again every 30 seconds.");
  });

  it("is a complete English HTML document that follows the reader's colour scheme", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain("<title>Data store unreachable · XMTP decentralization</title>");
    expect(html).toContain('<h1 style="font-size:1.25rem">The dashboard\'s data store is unreachable</h1>');
    expect(html).toContain("results pushed meanwhile are refused\nwith 503 for their senders to retry");
    expect(html.endsWith("</body></html>")).toBe(true);
  });
});
