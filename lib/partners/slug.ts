/** A partner's slug: its URL segment. */
export const PARTNER_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const SLUG_RULE =
  "must be 1-40 lowercase letters, digits or dashes, starting and ending with a letter or digit";

/** An SDK's package name, as partners report it and the team sets its minimum. */
export const SDK_NAME = /^[a-z0-9@][a-z0-9@/._-]{0,59}$/;
export const SDK_NAME_RULE = "must be an SDK's package name: lowercase, up to 60 characters";

/** A partner's page: an unlisted one's carries its link key, the only way to it. */
export const partnerLink = (partner: { slug: string; listed: boolean; accessKey: string }) =>
  `/partners/${partner.slug}${partner.listed ? "" : `?key=${encodeURIComponent(partner.accessKey)}`}`;
