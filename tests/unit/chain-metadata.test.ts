import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchNodeMetadata, type MetadataOptions } from "@/lib/chain/metadata";
import { freePort } from "../../simulation/free-port";

const GOOD = { operator_name: "Ephemera", region: "eu-west", external_url: "https://ephemera.example.org" };
const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
const closed = new Map<string, Promise<void>>();

// An operator's metadata server, serving each way an operator might get it right or wrong.
const routes: Record<string, (response: ServerResponse) => void> = {
  "/good": (response) => response.end(JSON.stringify({ ...GOOD, extra: { ignored: true } })),
  "/utf8-split": (response) => {
    const body = Buffer.from(JSON.stringify({ operator_name: "Zürich Nodes" }));
    const cut = body.indexOf(0xc3) + 1; // inside the two bytes of ü
    response.write(body.subarray(0, cut));
    setTimeout(() => response.end(body.subarray(cut)), 5);
  },
  "/not-found": (response) => {
    response.statusCode = 404;
    response.end("no such node");
  },
  "/error-endless": (response) => {
    response.writeHead(500);
    response.write("x".repeat(1024));
  },
  "/declared-64": (response) => {
    response.setHeader("content-length", "64");
    response.end(JSON.stringify({ description: "d".repeat(64 - 18) }));
  },
  "/declared-65": (response) => {
    response.setHeader("content-length", "65");
    response.end(JSON.stringify({ description: "d".repeat(65 - 18) }));
  },
  "/chunked-64": (response) => {
    const body = JSON.stringify({ description: "d".repeat(64 - 18) });
    response.write(body.slice(0, 30));
    response.end(body.slice(30));
  },
  "/chunked-65": (response) => {
    const body = JSON.stringify({ description: "d".repeat(65 - 18) });
    response.write(body.slice(0, 30));
    response.end(body.slice(30));
  },
  "/endless": (response) => {
    const write = () => {
      while (!response.destroyed && response.write(" ".repeat(16 * 1024)));
      if (!response.destroyed) response.once("drain", write);
    };
    write();
  },
  "/reset-mid-body": (response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write("{", () => response.socket?.destroy());
  },
  "/no-content": (response) => {
    response.statusCode = 204;
    response.end();
  },
  "/hang-headers": () => {},
  "/hang-body": (response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write("{");
  },
  "/redirect": (response) => {
    response.writeHead(302, { location: "/good" });
    response.end();
  },
  "/malformed": (response) => response.end('{"operator_name": "Half'),
  "/wrong-shape": (response) =>
    response.end(JSON.stringify({ operator_name: 42, external_url: "javascript:alert(1)" })),
  "/array": (response) => response.end("[1, 2]"),
};

const server = createServer((request, response) => {
  const path = request.url ?? "/";
  requests.push({ path, headers: request.headers });
  closed.set(path, new Promise((resolve) => response.on("close", () => resolve())));
  (routes[path] ?? routes["/not-found"])?.(response);
});
let base = "";
const options: MetadataOptions = { timeoutMs: 1000, maxBytes: 64 };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetchFrom = (path: string, overrides: Partial<MetadataOptions> = {}) =>
  fetchNodeMetadata(`${base}${path}`, { ...options, maxBytes: 4096, ...overrides });

describe("fetching a node's metadata over HTTP", () => {
  it("keeps the fields the dashboard shows and ignores the rest, asking for JSON", async () => {
    expect(await fetchFrom("/good")).toEqual({ ok: true, metadata: GOOD });
    expect(requests.find((request) => request.path === "/good")?.headers.accept).toBe("application/json");
  });

  it("decodes UTF-8 split across chunks", async () => {
    expect(await fetchFrom("/utf8-split")).toEqual({ ok: true, metadata: { operator_name: "Zürich Nodes" } });
  });

  it("records an error status, and closes the connection rather than reading its body", async () => {
    expect(await fetchFrom("/not-found")).toEqual({ ok: false, error: "metadata server answered HTTP 404" });
    expect(await fetchFrom("/error-endless")).toEqual({
      ok: false,
      error: "metadata server answered HTTP 500",
    });
    const gone = await Promise.race([
      closed.get("/error-endless")?.then(() => "closed"),
      new Promise((resolve) => setTimeout(resolve, 300, "still open")),
    ]);
    expect(gone).toBe("closed");
  });

  it("accepts a body of exactly the size limit, declared or not", async () => {
    const description = "d".repeat(64 - 18);
    expect(await fetchFrom("/declared-64", { maxBytes: 64 })).toEqual({
      ok: true,
      metadata: { description },
    });
    expect(await fetchFrom("/chunked-64", { maxBytes: 64 })).toEqual({ ok: true, metadata: { description } });
  });

  it("refuses a body one byte over the limit, whether its length is declared or only read", async () => {
    expect(await fetchFrom("/declared-65", { maxBytes: 64 })).toEqual({
      ok: false,
      error: "metadata is larger than 64 bytes (65)",
    });
    expect(await fetchFrom("/chunked-65", { maxBytes: 64 })).toEqual({
      ok: false,
      error: "metadata is larger than 64 bytes",
    });
  });

  it("stops reading an endless body at the limit and lets the connection go", async () => {
    expect(await fetchFrom("/endless", { maxBytes: 100_000 })).toEqual({
      ok: false,
      error: "metadata is larger than 100000 bytes",
    });
    await expect(closed.get("/endless")).resolves.toBeUndefined();
  });

  it("gives up on a server that sends no headers, or never finishes its body, within the timeout", async () => {
    const error = "metadata server gave no full answer within 40 ms";
    expect(await fetchFrom("/hang-headers", { timeoutMs: 40 })).toEqual({ ok: false, error });
    expect(await fetchFrom("/hang-body", { timeoutMs: 40 })).toEqual({ ok: false, error });
  });

  it("gives up within the timeout even on a fetch or a body that ignores the abort", async () => {
    const error = "metadata server gave no full answer within 30 ms";
    const neverAnswers: typeof fetch = () => new Promise<Response>(() => {});
    expect(
      await fetchNodeMetadata(`${base}/good`, { ...options, timeoutMs: 30, fetch: neverAnswers }),
    ).toEqual({
      ok: false,
      error,
    });
    const endlessBody: typeof fetch = async () =>
      new Response(new ReadableStream({ pull: () => new Promise<void>(() => {}) }), { status: 200 });
    expect(
      await fetchNodeMetadata(`${base}/good`, { ...options, timeoutMs: 30, fetch: endlessBody }),
    ).toEqual({
      ok: false,
      error,
    });
  });

  it("records a connection cut in the middle of the body", async () => {
    expect(await fetchFrom("/reset-mid-body")).toEqual({ ok: false, error: "terminated" });
  });

  it("does not follow a redirect", async () => {
    const before = requests.filter((request) => request.path === "/good").length;
    const result = await fetchFrom("/redirect");
    expect(result.ok).toBe(false);
    expect(requests.filter((request) => request.path === "/good")).toHaveLength(before);
  });

  it("records a server that cannot be reached with fetch's own reason", async () => {
    const port = await freePort();
    expect(await fetchNodeMetadata(`http://127.0.0.1:${port}/x`, options)).toEqual({
      ok: false,
      error: "fetch failed",
    });
  });

  it("records an empty answer, broken JSON and JSON that is not an object as such", async () => {
    expect(await fetchFrom("/no-content")).toEqual({ ok: false, error: "metadata is not valid JSON" });
    expect(await fetchFrom("/malformed")).toEqual({ ok: false, error: "metadata is not valid JSON" });
    expect(await fetchFrom("/array")).toEqual({
      ok: false,
      error: "metadata is malformed (metadata: Invalid input: expected object, received array)",
    });
  });

  it("names each malformed field", async () => {
    expect(await fetchFrom("/wrong-shape")).toEqual({
      ok: false,
      error:
        "metadata is malformed (operator_name: Invalid input: expected string, received number; external_url: Invalid URL)",
    });
  });
});

describe("which tokenURIs are fetched", () => {
  it("refuses an empty URI, a non-URL and schemes other than http(s)", async () => {
    expect(await fetchNodeMetadata("", options)).toEqual({ ok: false, error: "tokenURI is empty" });
    expect(await fetchNodeMetadata("node-100.json", options)).toEqual({
      ok: false,
      error: "tokenURI is not a URL",
    });
    expect(await fetchNodeMetadata("ipfs://bafy/100.json", options)).toEqual({
      ok: false,
      error: "tokenURI scheme ipfs: is not fetched",
    });
  });

  it("refuses plain http where https is required, and fetches https there", async () => {
    expect(await fetchFrom("/good", { requireHttps: true })).toEqual({
      ok: false,
      error: "tokenURI is not https",
    });
    // No TLS server on this machine: the https URL is served by the local one, through the fetch the options take.
    const seen: string[] = [];
    const viaLocal: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(`${base}${new URL(String(input)).pathname}`, init);
    };
    expect(
      await fetchNodeMetadata("https://meta.example.org/good", {
        ...options,
        maxBytes: 4096,
        requireHttps: true,
        fetch: viaLocal,
      }),
    ).toEqual({ ok: true, metadata: GOOD });
    expect(seen).toEqual(["https://meta.example.org/good"]);
  });
});

describe("metadata in a data: URI", () => {
  const json = JSON.stringify(GOOD);

  it("decodes percent-encoded and base64 bodies", async () => {
    expect(await fetchNodeMetadata(`data:application/json,${encodeURIComponent(json)}`, options)).toEqual({
      ok: false,
      error: "metadata is larger than 64 bytes",
    });
    const roomy = { ...options, maxBytes: 4096 };
    expect(await fetchNodeMetadata(`data:application/json,${encodeURIComponent(json)}`, roomy)).toEqual({
      ok: true,
      metadata: GOOD,
    });
    const base64 = `data:application/json;base64,${Buffer.from(json).toString("base64")}`;
    expect(await fetchNodeMetadata(base64, roomy)).toEqual({ ok: true, metadata: GOOD });
    expect(await fetchNodeMetadata(`data:,${encodeURIComponent('{"region":"ap"}')}`, roomy)).toEqual({
      ok: true,
      metadata: { region: "ap" },
    });
  });

  it("holds a body of exactly the size limit, and refuses one a byte over it", async () => {
    const exact = JSON.stringify({ description: "é".repeat(10) }); // 18 + 20 bytes
    expect(
      await fetchNodeMetadata(`data:,${encodeURIComponent(exact)}`, { ...options, maxBytes: 38 }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await fetchNodeMetadata(`data:,${encodeURIComponent(exact)}`, { ...options, maxBytes: 37 }),
    ).toEqual({
      ok: false,
      error: "metadata is larger than 37 bytes",
    });
  });

  it("keeps a body spanning several lines", async () => {
    const multiline = `data:,{"region":\n"ap"}`;
    expect(await fetchNodeMetadata(multiline, options)).toEqual({ ok: true, metadata: { region: "ap" } });
  });

  it("refuses a data: URI without a comma, or with a broken escape", async () => {
    expect(await fetchNodeMetadata("data:application/json", options)).toEqual({
      ok: false,
      error: "tokenURI is a malformed data: URI",
    });
    expect(await fetchNodeMetadata("data:,%E0%A4%A", options)).toEqual({ ok: false, error: "URI malformed" });
  });
});

describe("the metadata fields kept", () => {
  const parse = (value: unknown) =>
    fetchNodeMetadata(`data:,${encodeURIComponent(JSON.stringify(value))}`, {
      ...options,
      maxBytes: 1_000_000,
    });

  it("trims names and regions and refuses blank ones", async () => {
    expect(await parse({ operator_name: "  Ephemera ", region: " eu " })).toEqual({
      ok: true,
      metadata: { operator_name: "Ephemera", region: "eu" },
    });
    expect(await parse({ operator_name: "   " })).toEqual({
      ok: false,
      error: "metadata is malformed (operator_name: Too small: expected string to have >=1 characters)",
    });
    expect(await parse({ region: " " })).toMatchObject({
      ok: false,
      error: expect.stringContaining("region: Too small"),
    });
  });

  it("bounds each field's length", async () => {
    expect(await parse({ operator_name: "n".repeat(200), region: "r".repeat(100) })).toMatchObject({
      ok: true,
    });
    expect(await parse({ operator_name: "n".repeat(201) })).toEqual({
      ok: false,
      error: "metadata is malformed (operator_name: Too big: expected string to have <=200 characters)",
    });
    expect(await parse({ region: "r".repeat(101) })).toMatchObject({
      error: expect.stringContaining("region: Too big"),
    });
    expect(await parse({ description: "d".repeat(5000) })).toMatchObject({ ok: true });
    expect(await parse({ description: "d".repeat(5001) })).toMatchObject({
      error: expect.stringContaining("description: Too big"),
    });
    const long = `https://op.example.org/${"p".repeat(2000 - 23)}`;
    expect(await parse({ external_url: long })).toMatchObject({ ok: true });
    expect(await parse({ external_url: `${long}p` })).toMatchObject({
      error: expect.stringContaining("external_url: Too big"),
    });
    const image = `data:image/png;base64,${"A".repeat(100_000 - 22)}`;
    expect(await parse({ image })).toMatchObject({ ok: true });
    expect(await parse({ image: `${image}A` })).toMatchObject({
      error: expect.stringContaining("image: Too big"),
    });
  });

  it("takes an http(s) link, and an image from http(s), ipfs or data, nothing else", async () => {
    expect(await parse({ external_url: "http://op.example.org" })).toMatchObject({ ok: true });
    expect(await parse({ external_url: "ipfs://bafy" })).toMatchObject({
      error: expect.stringContaining("external_url: Invalid URL"),
    });
    expect(await parse({ external_url: "xhttps://op.example.org" })).toMatchObject({ ok: false });
    for (const image of [
      "https://op.example.org/logo.png",
      "http://op.example.org/a.png",
      "ipfs://bafy/logo.png",
    ])
      expect(await parse({ image }), image).toEqual({ ok: true, metadata: { image } });
    expect(await parse({ image: "javascript:alert(1)" })).toMatchObject({
      error: expect.stringContaining("image: Invalid URL"),
    });
    expect(await parse({ image: "ipfsx://bafy" })).toMatchObject({ ok: false });
  });
});
