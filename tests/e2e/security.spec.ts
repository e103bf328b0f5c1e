import { expect, test } from "@playwright/test";

const PAGES = ["/", "/nodes", "/nodes/400?network=local", "/stages/2", "/methodology", "/latency"];

test("every page carries a nonce-based CSP and the other security headers, and breaks none of it", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // Served on 127.0.0.1: no HSTS, which would pin this machine's name to HTTPS.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    // Next's inline scripts ran (they carry the nonce): the page hydrated.
    await expect.poll(() => page.evaluate(() => "__next_f" in self), { message: path }).toBe(true);
  }
  expect(violations).toEqual([]);
});

test("each request gets its own nonce", async ({ request }) => {
  const nonce = async () =>
    /'nonce-([^']+)'/.exec(
      (await request.get("/methodology")).headers()["content-security-policy"] ?? "",
    )?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test("a method the dashboard does not answer is a 405 naming the allowed ones", async ({ request }) => {
  for (const method of ["TRACE", "PUT", "DELETE"]) {
    const response = await request.fetch("/api/v1/summary", { method });
    expect(response.status(), method).toBe(405);
    expect(response.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
  }
  expect((await request.fetch("/", { method: "TRACE" })).status()).toBe(405);
});

test("a path with a broken percent-escape is a 400, not a 500", async ({ request }) => {
  for (const path of ["/nodes/%ff", "/stages/%ff", "/api/v1/criteria/%ff", "/api/v1/criteria/%ff/evidence"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_path");
  }
});

test("a node id beyond a 32-bit integer is not found, not a 500", async ({ request }) => {
  for (const id of ["2147483648", "4294967295", "99999999999999999999"])
    expect((await request.get(`/nodes/${id}`)).status(), id).toBe(404);
});
