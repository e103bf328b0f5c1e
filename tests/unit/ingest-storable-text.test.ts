import { describe, expect, it } from "vitest";
import { isStorableText, withoutLoneSurrogates } from "@/lib/storable-text";

describe("text Postgres can store", () => {
  it("is any text without U+0000 or a lone surrogate", () => {
    expect(isStorableText("")).toBe(true);
    expect(isStorableText("v1.2.3 😀 é")).toBe(true);
    for (const bad of [
      "a\u0000",
      "\u0000",
      "\ud800",
      "x\ud800y",
      "\udc00",
      "x\udc00",
      "\udc00\ud800",
      "😀\udc00",
    ])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("refuses NUL even when the surrogates are fine, and a lone surrogate even without NUL", () => {
    expect(isStorableText("😀\u0000")).toBe(false);
    expect(isStorableText("ok\ud83d")).toBe(false);
  });

  it("gives the same answer however often it is asked (the pattern keeps no state)", () => {
    expect(isStorableText("abcdef\ud800")).toBe(false);
    expect(isStorableText("\ud800")).toBe(false);
    expect(isStorableText("abcdef\ud800")).toBe(false);
  });

  it("loses its lone surrogates to U+FFFD, every one, keeping pairs", () => {
    expect(withoutLoneSurrogates("\ud800a\udc00b😀\udbff")).toBe("\ufffda\ufffdb😀\ufffd");
    expect(withoutLoneSurrogates("plain")).toBe("plain");
  });
});
