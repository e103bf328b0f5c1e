import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { TokenScope } from "@/lib/auth/scopes";
import { partners } from "./partners";

/** Bearer tokens for data producers; only a SHA-256 hash of each is stored. */
export const ingestTokens = pgTable("ingest_tokens", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull().unique(),
  tokenHash: text("token_hash").notNull().unique(),
  scopes: text("scopes").array().$type<TokenScope[]>().notNull(),
  /** A partner's token posts that partner's runs and nothing else. */
  partnerId: bigint("partner_id", { mode: "number" }).references(() => partners.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** Request counters per key and minute (a sliding window reads two), in Postgres so any number of app instances share them. */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limit_counters_window_idx").on(t.windowStart),
  ],
);

/** One-time sign-in nonces for admin wallet sign-in. */
export const authNonces = pgTable("auth_nonces", {
  nonce: text("nonce").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

export const adminSessions = pgTable(
  "admin_sessions",
  {
    idHash: text("id_hash").primaryKey(), // SHA-256 of the cookie value
    address: text("address").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("admin_sessions_expiry_idx").on(t.expiresAt)],
);

/** Every team change, public on /changelog. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(), // admin address, or "system:seed"
    action: text("action").notNull(), // stage.update, milestone.done, token.create, …
    entityType: text("entity_type").notNull(),
    entityKey: text("entity_key").notNull(),
    network: text("network"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc().nullsFirst()),
    index("audit_log_network_idx").on(t.network, t.at.desc().nullsFirst()),
    index("audit_log_entity_idx").on(t.entityType, t.entityKey),
  ],
);
