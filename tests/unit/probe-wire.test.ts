import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { describe, expect, it } from "vitest";
import {
  decodeFrames,
  decodeSyncCursor,
  decodeVersion,
  encodeFrame,
  encodeSyncCursor,
  encodeTrailers,
  encodeVersion,
  MalformedResponse,
} from "@/lib/probe/grpc-web";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const trailerFrame = (lines: string) => encodeFrame(new TextEncoder().encode(lines), 0x80);
/** A GetSyncCursorResponse whose cursor holds the given raw map entries. */
const cursorOf = (...entries: Uint8Array[]) => {
  const cursor = new BinaryWriter();
  for (const entry of entries) cursor.tag(1, WireType.LengthDelimited).bytes(entry);
  return new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(cursor.finish()).finish();
};

describe("gRPC-Web trailers", () => {
  it("are written as header lines in a frame flagged 0x80", () => {
    const frame = encodeTrailers({ "grpc-status": "0", "grpc-message": "ok" });
    expect(frame[0]).toBe(0x80);
    expect(text(frame.subarray(5))).toBe("grpc-status: 0\r\ngrpc-message: ok\r\n");
  });

  it("are read case-insensitively, trimmed, and split at the first colon", () => {
    const { trailers } = decodeFrames(trailerFrame("Grpc-Status :  3 \r\ngrpc-message: a: b\r\n"));
    expect(trailers).toEqual({ "grpc-status": "3", "grpc-message": "a: b" });
  });

  it("skip lines without a name", () => {
    const { trailers } = decodeFrames(trailerFrame(":orphan\r\nno colon here\r\n\r\ngrpc-status: 0"));
    expect(trailers).toEqual({ "grpc-status": "0" });
  });

  it("merge across trailer frames, later ones winning", () => {
    const body = Buffer.concat([trailerFrame("a: 1\r\nb: 2"), trailerFrame("b: 3")]);
    expect(decodeFrames(body).trailers).toEqual({ a: "1", b: "3" });
  });
});

describe("gRPC-Web frames", () => {
  it("names where a frame is cut short and how many bytes it lacked", () => {
    const body = Buffer.concat([
      encodeFrame(encodeVersion("v1")),
      encodeFrame(new Uint8Array(10)).subarray(0, 8),
    ]);
    const first = encodeFrame(encodeVersion("v1")).length;
    expect(() => decodeFrames(body)).toThrow(`frame at byte ${first} claims 10 bytes, 3 left`);
    expect(() => decodeFrames(Buffer.concat([encodeFrame(), new Uint8Array([0, 0])]))).toThrow(
      "truncated frame header at byte 5",
    );
    expect(() => decodeFrames(Buffer.concat([encodeFrame(), encodeFrame(new Uint8Array(), 0x01)]))).toThrow(
      "unknown frame flag 0x1 at byte 5",
    );
  });

  it("decode an empty body as no messages and no trailers", () => {
    expect(decodeFrames(new Uint8Array())).toEqual({ messages: [], trailers: {} });
  });

  it("read frames from a view into a larger buffer", () => {
    const backing = Buffer.concat([Buffer.from([9, 9, 9]), encodeFrame(encodeVersion("v7"))]);
    const { messages } = decodeFrames(backing.subarray(3));
    expect(decodeVersion(messages[0] as Uint8Array)).toBe("v7");
  });

  it("are malformed errors named MalformedResponse", () => {
    const error = new MalformedResponse("x");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("MalformedResponse");
  });
});

describe("a GetVersion answer", () => {
  it("is an empty version when the message has none", () => {
    expect(decodeVersion(new Uint8Array())).toBe("");
  });

  it("ignores a field 1 that is not a string and a string in another field", () => {
    const wrongWire = new BinaryWriter().tag(1, WireType.Varint).uint32(5).finish();
    const otherField = new BinaryWriter().tag(2, WireType.LengthDelimited).string("nope").finish();
    expect(decodeVersion(wrongWire)).toBe("");
    expect(decodeVersion(otherField)).toBe("");
    expect(decodeVersion(Buffer.concat([otherField, wrongWire, encodeVersion("v3")]))).toBe("v3");
  });

  it("calls broken protobuf malformed, with the reader's reason", () => {
    const broken = new Uint8Array([0x0a, 0x10, 0x61]);
    expect(() => decodeVersion(broken)).toThrow(MalformedResponse);
    expect(() => decodeVersion(broken)).toThrow(/^protobuf: [a-z]/);
  });
});

describe("a GetSyncCursor answer", () => {
  it("is empty when the answer or its cursor has no entries", () => {
    expect(decodeSyncCursor(new Uint8Array())).toEqual({});
    expect(decodeSyncCursor(cursorOf())).toEqual({});
  });

  it("reads a missing key as originator 0 and a missing value as sequence 0", () => {
    const onlyValue = new BinaryWriter().tag(2, WireType.Varint).uint64(9n).finish();
    const onlyKey = new BinaryWriter().tag(1, WireType.Varint).uint32(4).finish();
    expect(decodeSyncCursor(cursorOf(onlyValue, onlyKey))).toEqual({ 0: "9", 4: "0" });
  });

  it("ignores entry fields it does not know, and known fields of the wrong wire type", () => {
    const entry = new BinaryWriter()
      .tag(1, WireType.Varint)
      .uint32(6)
      .tag(2, WireType.Bit32)
      .fixed32(55)
      .tag(1, WireType.LengthDelimited)
      .string("x")
      .tag(2, WireType.Varint)
      .uint64(8n)
      .tag(3, WireType.Varint)
      .uint64(777n)
      .finish();
    expect(decodeSyncCursor(cursorOf(entry))).toEqual({ 6: "8" });
  });

  it("ignores cursor fields and answer fields it does not know, or of the wrong wire type", () => {
    const entry = new BinaryWriter()
      .tag(1, WireType.Varint)
      .uint32(1)
      .tag(2, WireType.Varint)
      .uint64(2n)
      .finish();
    const other = new BinaryWriter()
      .tag(1, WireType.Varint)
      .uint32(5)
      .tag(2, WireType.Varint)
      .uint64(6n)
      .finish();
    const cursor = new BinaryWriter()
      .tag(2, WireType.LengthDelimited)
      .bytes(other)
      .tag(1, WireType.Varint)
      .uint32(3)
      .tag(1, WireType.LengthDelimited)
      .bytes(entry)
      .finish();
    const answer = new BinaryWriter()
      .tag(2, WireType.LengthDelimited)
      .bytes(encodeSyncCursor({ 9: 9n }).subarray(2))
      .tag(1, WireType.Varint)
      .uint32(1)
      .tag(1, WireType.LengthDelimited)
      .bytes(cursor)
      .finish();
    expect(decodeSyncCursor(answer)).toEqual({ 1: "2" });
  });

  it("calls a broken entry malformed once, not once per nesting level", () => {
    const broken = cursorOf(new Uint8Array([0x08]));
    expect(() => decodeSyncCursor(broken)).toThrow(MalformedResponse);
    expect(() => decodeSyncCursor(broken)).toThrow(/^protobuf: (?!protobuf)/);
  });
});
