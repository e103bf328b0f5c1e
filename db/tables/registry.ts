import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { REGISTRY_EVENT_NAMES } from "@/lib/chain/abi";
import type { NodeMetadata } from "@/lib/chain/metadata";
import { networkRef } from "./networks";

/** A registry node on one network: identity from the chain, plus metadata the team may add. */
export const nodes = pgTable(
  "nodes",
  {
    network: networkRef(),
    nodeId: integer("node_id").notNull(),
    owner: text("owner").notNull(),
    signer: text("signer").notNull(),
    signingPublicKey: text("signing_public_key").notNull(),
    httpAddress: text("http_address").notNull(),
    isCanonical: boolean("is_canonical").notNull().default(false),
    // false once getAllNodes stops listing it: nodes are marked, never deleted.
    inRegistry: boolean("in_registry").notNull().default(true),
    tokenUri: text("token_uri"),
    metadata: jsonb("metadata").$type<NodeMetadata>(),
    metadataError: text("metadata_error"),
    metadataFetchedAt: timestamp("metadata_fetched_at", { withTimezone: true }),
    firstSeenBlock: bigint("first_seen_block", { mode: "number" }),
    lastSeenBlock: bigint("last_seen_block", { mode: "number" }),
    registeredAt: timestamp("registered_at", { withTimezone: true }),
    // Team-edited fields; a registry sync never writes these.
    displayName: text("display_name"),
    operatorName: text("operator_name"),
    region: text("region"),
    country: text("country"), // ISO 3166-1 alpha-2
    website: text("website"),
    isXmtpLabs: boolean("is_xmtp_labs").notNull().default(false),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.nodeId] }),
    index("nodes_canonical_idx").on(t.network, t.nodeId).where(sql`${t.isCanonical}`),
  ],
);

/** Registry logs, each stored once; a reorged log is replaced by the canonical one. */
export const registryEvents = pgTable(
  "registry_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    network: networkRef(),
    blockNumber: bigint("block_number", { mode: "number" }).notNull(),
    blockHash: text("block_hash").notNull(),
    blockTime: timestamp("block_time", { withTimezone: true }).notNull(),
    txHash: text("tx_hash").notNull(),
    logIndex: integer("log_index").notNull(),
    eventName: text("event_name", { enum: REGISTRY_EVENT_NAMES }).notNull(),
    nodeId: integer("node_id"),
    args: jsonb("args").$type<Record<string, string | number | boolean>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registry_events_position_uq").on(t.network, t.blockNumber, t.logIndex),
    index("registry_events_node_idx").on(t.network, t.nodeId, t.blockNumber),
  ],
);

/** How far each chain scan has got (block safely past the confirmation depth). */
export const syncCursors = pgTable(
  "sync_cursors",
  {
    network: networkRef(),
    source: text("source").notNull(), // registry_events
    blockNumber: bigint("block_number", { mode: "number" }).notNull(),
    blockHash: text("block_hash"),
    headBlock: bigint("head_block", { mode: "number" }),
    // The contract the scan followed: a different registry address starts history afresh.
    contractAddress: text("contract_address"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.network, t.source] })],
);
