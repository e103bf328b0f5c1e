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

const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);

describe("gRPC-Web framing", () => {
  it("frames an empty request as five zero bytes", () => {
    expect([...encodeFrame()]).toEqual([0, 0, 0, 0, 0]);
  });

  it("splits a body into its message and trailers, with big-endian frame lengths", () => {
    const version = encodeVersion("v0.5.1");
    const body = concat(encodeFrame(version), encodeTrailers({ "grpc-status": "0", "grpc-message": "" }));
    const { messages, trailers } = decodeFrames(body);
    expect(messages).toHaveLength(1);
    expect(decodeVersion(messages[0] as Uint8Array)).toBe("v0.5.1");
    expect(trailers["grpc-status"]).toBe("0");
    const long = encodeFrame(new Uint8Array(70_000));
    expect([...long.subarray(1, 5)]).toEqual([0, 1, 0x11, 0x70]);
    expect(decodeFrames(long).messages[0]).toHaveLength(70_000);
  });

  it("reads a version longer than 127 bytes, whose length is a two-byte varint", () => {
    const version = `v1.0.0+${"x".repeat(300)}`;
    const payload = encodeVersion(version);
    expect(payload[1]).toBeGreaterThan(0x7f); // continuation bit set: the length did not fit one byte
    expect(decodeVersion(payload)).toBe(version);
  });

  it("decodes a sync cursor with uint64 sequence ids beyond 2^53 exactly", () => {
    const big = 2n ** 63n + 12345n;
    const cursor = decodeSyncCursor(encodeSyncCursor({ 0: 5n, 1: 7n, 100: big, 200: 0n }));
    expect(cursor).toEqual({ 0: "5", 1: "7", 100: big.toString(), 200: "0" });
  });

  it("skips fields it does not know", () => {
    const unknownFirst = concat(new Uint8Array([0x10, 0x2a]), encodeVersion("v2")); // field 2 varint 42
    expect(decodeVersion(unknownFirst)).toBe("v2");
  });

  it("calls truncated frames, unknown flags and broken protobuf malformed", () => {
    const frame = encodeFrame(encodeVersion("v1"));
    expect(() => decodeFrames(frame.subarray(0, frame.length - 1))).toThrow(MalformedResponse);
    expect(() => decodeFrames(new Uint8Array([0, 0, 0]))).toThrow(/truncated frame header/);
    expect(() => decodeFrames(new Uint8Array([0x42, 0, 0, 0, 0]))).toThrow(/unknown frame flag 0x42/);
    expect(() => decodeVersion(new Uint8Array([0x0a, 0x10, 0x61]))).toThrow(MalformedResponse);
    expect(() => decodeFrames(Buffer.from("<html>502 Bad Gateway</html>"))).toThrow(MalformedResponse);
  });
});
