// Postgres text and jsonb hold neither U+0000 nor half of a UTF-16 surrogate pair.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isStorableText(text: string): boolean {
  LONE_SURROGATES.lastIndex = 0;
  return !text.includes("\u0000") && !LONE_SURROGATES.test(text);
}

/** Lone surrogates become U+FFFD, the replacement character. */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, "\uFFFD");
}
