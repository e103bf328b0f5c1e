import { describe, expect, it } from "vitest";
import { unstorable } from "@/lib/ingest/body";
import { cleanText } from "@/lib/probe/round";

describe("what the prober keeps of a node's text", () => {
  it("never cuts a surrogate pair in half, so the result is storable", () => {
    const cut = cleanText(`${"a".repeat(198)}😀b`, 200);
    expect(cut).toBe(`${"a".repeat(198)}…`);
    expect(unstorable({ version: cut })).toBeNull();
    expect(cleanText(`${"a".repeat(197)}😀bc`, 200)).toBe(`${"a".repeat(197)}😀…`);
  });

  it("replaces lone surrogates and control characters", () => {
    const cleaned = cleanText("v1\u0000\ud800x\udc00", 200);
    expect(cleaned).toBe("v1 \ufffdx\ufffd");
    expect(unstorable({ version: cleaned })).toBeNull();
  });
});
