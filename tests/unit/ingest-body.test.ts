import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bodyHash, MAX_DEPTH, parseJson, readBody, unstorable } from "@/lib/ingest/body";
import { IngestError } from "@/lib/ingest/errors";

const JSON_ONLY = { maxBytes: 1000, contentTypes: ["application/json"] };
const XML_OR_JSON = { maxBytes: 1000, contentTypes: ["application/json", "application/xml", "text/xml"] };

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://dashboard/api/ingest/x", { method: "POST", headers, body });
const bytes = (text: string, encoding: BufferEncoding = "utf8") =>
  new Uint8Array(Buffer.from(text, encoding));

/** A streamed body that records how much of it was read and whether it was cancelled. */
function streamed(chunks: Uint8Array[]) {
  const seen = { pulls: 0, cancelled: false };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulls += 1;
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}
const postStream = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request("http://dashboard/api/ingest/x", {
    method: "POST",
    headers,
    body: stream,
    duplex: "half",
  } as RequestInit);

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe("reading an ingest body", () => {
  it("returns the text and the bare, lower-cased content type", async () => {
    const read = await readBody(
      post('{"a":1}', { "content-type": "Application/JSON ; charset=UTF-8" }),
      JSON_ONLY,
    );
    expect(read).toEqual({ text: '{"a":1}', contentType: "application/json" });
  });

  it("refuses a content type it does not take with 415, listing the ones it does", async () => {
    const error = await refusal(readBody(post("<a/>", { "content-type": "text/plain" }), XML_OR_JSON));
    expect(error.status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toBe(
      'send the body as application/json or application/xml or text/xml (got "text/plain")',
    );
  });

  it('says "none" when the request names no content type', async () => {
    const error = await refusal(readBody(post(bytes("{}")), JSON_ONLY));
    expect(error.status).toBe(415);
    expect(error.message).toBe('send the body as application/json (got "none")');
  });

  it("reads a request without a body as empty text", async () => {
    expect(await readBody(post(null, { "content-type": "application/json" }), JSON_ONLY)).toEqual({
      text: "",
      contentType: "application/json",
    });
  });

  it("takes a body of exactly maxBytes, and refuses one byte more with 413 naming the limit", async () => {
    const options = { maxBytes: 10, contentTypes: ["application/json"] };
    const exact = await readBody(post("1234567890", { "content-type": "application/json" }), options);
    expect(exact.text).toBe("1234567890");
    const error = await refusal(
      readBody(post("12345678901", { "content-type": "application/json" }), options),
    );
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toBe("the body is larger than 10 bytes");
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, seen } = streamed([bytes("{}")]);
    const request = postStream(stream, { "content-type": "application/json", "content-length": "11" });
    const error = await refusal(readBody(request, { maxBytes: 10, contentTypes: ["application/json"] }));
    expect(error.status).toBe(413);
    expect(seen.pulls).toBeLessThanOrEqual(1); // a stream pulls once when it starts, before any read
    expect(seen.cancelled).toBe(false);
  });

  it("trusts a declared Content-Length of exactly the limit", async () => {
    const request = post("1234567890", { "content-type": "application/json", "content-length": "10" });
    expect((await readBody(request, { maxBytes: 10, contentTypes: ["application/json"] })).text).toBe(
      "1234567890",
    );
  });

  it("stops reading a streamed body once it passes the limit, and cancels the rest", async () => {
    const chunk = bytes("123456");
    const { stream, seen } = streamed([chunk, chunk, chunk, chunk, chunk]);
    const error = await refusal(
      readBody(postStream(stream, { "content-type": "application/json" }), {
        maxBytes: 10,
        contentTypes: ["application/json"],
      }),
    );
    expect(error.status).toBe(413);
    expect(seen.pulls).toBeLessThan(5);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.cancelled).toBe(true);
  });

  it("joins a streamed body's chunks in order", async () => {
    const { stream } = streamed([bytes('{"a":'), bytes('"b"}')]);
    const read = await readBody(postStream(stream, { "content-type": "application/json" }), JSON_ONLY);
    expect(read.text).toBe('{"a":"b"}');
  });

  it("decodes the charset the Content-Type names, quoted or not, however spaced", async () => {
    const latin1 = bytes('{"note":"café"}', "latin1");
    for (const type of [
      "application/json; charset=latin1",
      "application/json;charset=ISO-8859-1",
      'application/json; charset="latin1"',
      "application/json;  Charset  =  latin1",
      "application/json; boundary=x; charset=latin1",
    ]) {
      const read = await readBody(post(latin1, { "content-type": type }), JSON_ONLY);
      expect(read.text, type).toBe('{"note":"café"}');
    }
  });

  it("refuses bytes that are not valid in the charset with 400, never replacing them", async () => {
    const body = new Uint8Array([...bytes('{"note":"caf'), 0xe9, ...bytes('"}')]);
    const error = await refusal(readBody(post(body, { "content-type": "application/json" }), JSON_ONLY));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_encoding");
    expect(error.message).toBe("the body is not valid utf-8");
    const declared = await refusal(
      readBody(post(body, { "content-type": "application/json; charset=utf-8" }), JSON_ONLY),
    );
    expect(declared.code).toBe("invalid_encoding");
  });

  it("refuses a charset it cannot decode with 415 before reading the body", async () => {
    const { stream, seen } = streamed([bytes("{}"), bytes(" ")]);
    const request = postStream(stream, { "content-type": "application/json; charset=klingon" });
    const error = await refusal(readBody(request, JSON_ONLY));
    expect(error.status).toBe(415);
    expect(error.code).toBe("unsupported_charset");
    expect(error.message).toBe('the charset "klingon" is not one this endpoint decodes (send UTF-8)');
    expect(seen.pulls).toBeLessThanOrEqual(1);
  });

  describe("an XML body without a charset in its Content-Type", () => {
    const latin1Report = (declaration: string) =>
      bytes(`${declaration}<testsuites><testcase name="crée un groupe"/></testsuites>`, "latin1");
    const read = (body: Uint8Array<ArrayBuffer>, type = "application/xml") =>
      readBody(post(body, { "content-type": type }), XML_OR_JSON);

    it("is decoded in the encoding its declaration names", async () => {
      for (const declaration of [
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        "<?xml version='1.0' encoding='latin1'?>",
        '  \n<?xml version="1.0"   encoding = "ISO-8859-1" ?>',
        '<?xml version="1.0"\tencoding="windows-1252"?>',
      ]) {
        const { text } = await read(latin1Report(declaration), "text/xml");
        expect(text, declaration).toContain("crée un groupe");
      }
    });

    it("is decoded as UTF-8 when its declaration names no encoding", async () => {
      const { text } = await read(bytes('<?xml version="1.0"?><a name="crée"/>'));
      expect(text).toBe('<?xml version="1.0"?><a name="crée"/>');
      const error = await refusal(read(latin1Report('<?xml version="1.0"?>')));
      expect(error.message).toBe("the body is not valid utf-8");
    });

    it("looks for the declaration only at the start, in the first 200 bytes", async () => {
      const late = await refusal(read(latin1Report(`<!-- x --><?xml version="1.0" encoding="ISO-8859-1"?>`)));
      expect(late.code).toBe("invalid_encoding");
      const padded = `<?xml version="1.0"${" ".repeat(200)}encoding="ISO-8859-1"?>`;
      expect((await refusal(read(latin1Report(padded)))).code).toBe("invalid_encoding");
      const within = `<?xml version="1.0"${" ".repeat(150)}encoding="ISO-8859-1"?>`;
      expect((await read(latin1Report(within))).text).toContain("crée");
    });

    it("refuses an encoding it cannot decode with 415", async () => {
      const error = await refusal(read(latin1Report('<?xml version="1.0" encoding="EBCDIC-XYZ"?>')));
      expect(error.status).toBe(415);
      expect(error.message).toContain('"EBCDIC-XYZ"');
    });

    it("lets the Content-Type's charset win over the declaration", async () => {
      const body = latin1Report('<?xml version="1.0" encoding="utf-8"?>');
      const { text } = await read(body, "application/xml; charset=latin1");
      expect(text).toContain("crée un groupe");
    });

    it("is an XML rule only: a JSON body is UTF-8 whatever it starts with", async () => {
      const error = await refusal(
        read(latin1Report('<?xml version="1.0" encoding="ISO-8859-1"?>'), "application/json"),
      );
      expect(error.code).toBe("invalid_encoding");
    });
  });
});

describe("parsing a JSON body", () => {
  it("returns the value JSON.parse gives", () => {
    expect(parseJson('{"a":[1,"x",null]}')).toEqual({ a: [1, "x", null] });
  });

  it("refuses text that is not JSON with 400 invalid_json", () => {
    let thrown: unknown;
    try {
      parseJson("{not json");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IngestError);
    expect(thrown).toMatchObject({
      status: 400,
      code: "invalid_json",
      message: "the body is not valid JSON",
    });
  });
});

describe("the idempotency hash of a body", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("is the SHA-256 of its JSON with keys sorted at every level", () => {
    const value = { runId: "r", b: [3, { z: 1, a: null }], a: { y: "x", b: true } };
    expect(bodyHash(value)).toBe(sha256('{"a":{"b":true,"y":"x"},"b":[3,{"a":null,"z":1}],"runId":"r"}'));
  });

  it("is the same whatever order the keys were sent in, and leaves out undefined fields", () => {
    expect(bodyHash({ a: 1, b: 2, c: 3 })).toBe(bodyHash({ c: 3, a: 1, b: 2 }));
    expect(bodyHash({ a: 1, skipped: undefined })).toBe(sha256('{"a":1}'));
  });

  it("changes with the order of an array and with any value", () => {
    expect(bodyHash([1, 2])).not.toBe(bodyHash([2, 1]));
    expect(bodyHash({ a: 1 })).not.toBe(bodyHash({ a: 2 }));
  });

  it("hashes scalars as their JSON", () => {
    expect(bodyHash(null)).toBe(sha256("null"));
    expect(bodyHash("x")).toBe(sha256('"x"'));
    expect(bodyHash([])).toBe(sha256("[]"));
    expect(bodyHash({})).toBe(sha256("{}"));
  });
});

describe("what a body holds that Postgres cannot store", () => {
  const NOT_TEXT = "must not contain U+0000 or a lone UTF-16 surrogate";
  /** `levels` objects nested in one another, the innermost holding `leaf`. */
  const nested = (levels: number, leaf: unknown = 1): unknown => {
    let value: unknown = leaf;
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };

  it("is nothing for a body of ordinary values", () => {
    expect(unstorable({ a: "text 😀", b: [1, true, null, { c: "ok" }], d: 0, e: "" })).toBeNull();
    expect(unstorable(null)).toBeNull();
    expect(unstorable(42)).toBeNull();
  });

  it("names a string holding U+0000 by its path", () => {
    expect(unstorable({ runId: "r", source: "qa\u0000" })).toEqual({ path: "source", message: NOT_TEXT });
    expect(unstorable({ results: [{ operation: "ok" }, { operation: "\u0000" }] })).toEqual({
      path: "results.1.operation",
      message: NOT_TEXT,
    });
  });

  it("names a lone surrogate, and calls the whole body (body)", () => {
    expect(unstorable({ details: { note: "x\ud800" } })).toEqual({ path: "details.note", message: NOT_TEXT });
    expect(unstorable("\udc00")).toEqual({ path: "(body)", message: NOT_TEXT });
  });

  it("names a key that cannot be stored, with U+0000 written out", () => {
    expect(unstorable({ details: { "a\u0000b": 1 } })).toEqual({
      path: "details.a\\u0000b",
      message: NOT_TEXT,
    });
    expect(unstorable({ "\ud800": 1 })).toEqual({ path: "\ud800", message: NOT_TEXT });
  });

  it("names the first bad value in the body's order", () => {
    expect(unstorable({ a: "ok", b: "\u0000", c: ["\u0000"] })).toEqual({ path: "b", message: NOT_TEXT });
    expect(unstorable(["ok", "\u0000", "\u0000"])).toEqual({ path: "1", message: NOT_TEXT });
  });

  it(`takes ${MAX_DEPTH} levels of nesting and refuses one more, naming where`, () => {
    expect(unstorable(nested(MAX_DEPTH))).toBeNull();
    expect(unstorable(nested(MAX_DEPTH, "\u0000"))).toEqual({
      path: Array(MAX_DEPTH).fill("a").join("."),
      message: NOT_TEXT,
    });
    expect(unstorable(nested(MAX_DEPTH + 1))).toEqual({
      path: Array(MAX_DEPTH).fill("a").join("."),
      message: `is nested deeper than ${MAX_DEPTH} levels`,
    });
  });

  it("counts arrays as nesting too, and walks a very deep body without overflowing the stack", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorable(deep)?.message).toBe("is nested deeper than 32 levels");
    expect(unstorable(deep)?.path).toBe(Array(32).fill("0").join("."));
  });
});
