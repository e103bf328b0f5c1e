import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

/**
 * gRPC-Web framing as xmtpd speaks it: each frame is `[flag:1][length:4 big-endian][payload]`;
 * flag 0x00 carries a protobuf message, flag 0x80 the trailers as HTTP-style header lines.
 */
export const GRPC_WEB_CONTENT_TYPE = "application/grpc-web+proto";
const TRAILER_FLAG = 0x80;

export class MalformedResponse extends Error {
  name = "MalformedResponse";
}

export function encodeFrame(payload: Uint8Array = new Uint8Array(), flag = 0): Uint8Array {
  const frame = new Uint8Array(5 + payload.length);
  frame[0] = flag;
  new DataView(frame.buffer).setUint32(1, payload.length, false);
  frame.set(payload, 5);
  return frame;
}

export function encodeTrailers(trailers: Record<string, string>): Uint8Array {
  const text = Object.entries(trailers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return encodeFrame(new TextEncoder().encode(text), TRAILER_FLAG);
}

export type GrpcWebResponse = { messages: Uint8Array[]; trailers: Record<string, string> };

/** Splits a response body into its data frames and trailers; a truncated or unknown frame is malformed. */
export function decodeFrames(body: Uint8Array): GrpcWebResponse {
  const messages: Uint8Array[] = [];
  const trailers: Record<string, string> = {};
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let offset = 0;
  while (offset < body.length) {
    if (offset + 5 > body.length) throw new MalformedResponse(`truncated frame header at byte ${offset}`);
    const flag = body[offset] as number;
    const length = view.getUint32(offset + 1, false);
    const end = offset + 5 + length;
    if (end > body.length)
      throw new MalformedResponse(
        `frame at byte ${offset} claims ${length} bytes, ${body.length - offset - 5} left`,
      );
    const payload = body.subarray(offset + 5, end);
    if (flag === 0) messages.push(payload);
    else if (flag === TRAILER_FLAG) Object.assign(trailers, parseTrailers(payload));
    else throw new MalformedResponse(`unknown frame flag 0x${flag.toString(16)} at byte ${offset}`);
    offset = end;
  }
  return { messages, trailers };
}

function parseTrailers(payload: Uint8Array): Record<string, string> {
  const trailers: Record<string, string> = {};
  for (const line of new TextDecoder().decode(payload).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return trailers;
}

// --- The few messages the prober reads, decoded field by field with protobuf's wire reader. ---

function readFields(
  bytes: Uint8Array,
  onField: (reader: BinaryReader, field: number, wire: WireType) => boolean,
) {
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wire] = reader.tag();
      if (!onField(reader, field, wire)) reader.skip(wire, field);
    }
  } catch (error) {
    if (error instanceof MalformedResponse) throw error;
    throw new MalformedResponse(`protobuf: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `GetVersionResponse { string version = 1; }` */
export function decodeVersion(bytes: Uint8Array): string {
  let version = "";
  readFields(bytes, (reader, field, wire) => {
    if (field !== 1 || wire !== WireType.LengthDelimited) return false;
    version = reader.string();
    return true;
  });
  return version;
}

export function encodeVersion(version: string): Uint8Array {
  return new BinaryWriter().tag(1, WireType.LengthDelimited).string(version).finish();
}

/** Originator node id → last sequence id (uint64, as a decimal string: it can exceed 2^53). */
export type SyncCursor = Record<string, string>;

/**
 * `GetSyncCursorResponse { Cursor latest_sync = 1; }`,
 * `Cursor { map<uint32, uint64> node_id_to_sequence_id = 1; }` (map entries: key = 1, value = 2).
 */
export function decodeSyncCursor(bytes: Uint8Array): SyncCursor {
  const cursor: SyncCursor = {};
  readFields(bytes, (reader, field, wire) => {
    if (field !== 1 || wire !== WireType.LengthDelimited) return false;
    readFields(reader.bytes(), (cursorReader, cursorField, cursorWire) => {
      if (cursorField !== 1 || cursorWire !== WireType.LengthDelimited) return false;
      let key = 0;
      let value = "0";
      readFields(cursorReader.bytes(), (entry, entryField, entryWire) => {
        if (entryWire !== WireType.Varint) return false;
        if (entryField === 1) key = entry.uint32();
        else if (entryField === 2) value = entry.uint64().toString();
        else return false;
        return true;
      });
      cursor[String(key)] = value;
      return true;
    });
    return true;
  });
  return cursor;
}

export function encodeSyncCursor(cursor: Record<string, bigint | number | string>): Uint8Array {
  const map = new BinaryWriter();
  for (const [key, value] of Object.entries(cursor)) {
    map
      .tag(1, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.Varint)
      .uint32(Number(key))
      .tag(2, WireType.Varint)
      .uint64(BigInt(value))
      .join();
  }
  const cursorBytes = map.finish();
  return new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(cursorBytes).finish();
}
