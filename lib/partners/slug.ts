/** A partner's slug: its URL segment. */
export const PARTNER_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const SLUG_RULE =
  "must be 1-40 lowercase letters, digits or dashes, starting and ending with a letter or digit";
