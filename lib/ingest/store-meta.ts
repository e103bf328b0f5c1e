import type { Env } from "../env";

/** What an ingest endpoint knows of a request once it is accepted, for the store behind it. */
export type StoreMeta = {
  hash: string;
  tokenId: number;
  /** The partner a partner's token belongs to; null for the team's tokens. */
  partnerId: number | null;
  contentType: string;
  receivedAt: Date;
  env: Env;
};

/** A store's answer: 201 for something new, 200 for a replay of what is stored. */
export type StoreResult = { status: 200 | 201; record: unknown };
