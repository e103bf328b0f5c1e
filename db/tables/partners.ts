import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { PAYER_EVENT_KINDS } from "@/lib/partners/vocabulary";
import { networkRef } from "./networks";

/** Apps building on XMTP whose readiness the dashboard checks; managed by the team in the console. */
export const partners = pgTable("partners", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  appUrl: text("app_url"),
  /** The network whose gateway funding and readiness the partner's checks read. */
  network: networkRef(),
  payerAddresses: text("payer_addresses").array().notNull().default([]),
  sdks: text("sdks").array().notNull().default([]),
  listed: boolean("listed").notNull().default(true),
  /** The key of an unlisted partner's link (and of a listed one's, harmlessly): a share link, like a document's. */
  accessKey: text("access_key").notNull().unique(),
  /** The team's contact at the partner and its notes: shown only in the console, never publicly. */
  contact: text("contact"),
  notes: text("notes"),
  /** How many of the partner's latest integration runs must all pass. */
  requiredRuns: integer("required_runs").notNull().default(5),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The lowest mainnet-compatible version of each SDK, set by the team. */
export const sdkMinimums = pgTable("sdk_minimums", {
  sdk: text("sdk").primaryKey(),
  minVersion: text("min_version").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Integration runs a partner posts with its own token: its evidence, kept apart from the QA suite's. */
export const partnerRuns = pgTable(
  "partner_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    partnerId: bigint("partner_id", { mode: "number" })
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    runId: text("run_id").notNull(),
    network: networkRef(),
    suite: text("suite").notNull(),
    sdk: text("sdk").notNull(),
    sdkVersion: text("sdk_version").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    skipped: integer("skipped").notNull().default(0),
    /** The first failed cases' names, for the partner page's "what is missing". */
    failedCases: jsonb("failed_cases").$type<string[]>().notNull().default([]),
    format: text("format", { enum: ["junit", "json"] }).notNull(),
    bodyHash: text("body_hash").notNull(),
    tokenId: integer("token_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_runs_run_id_uq").on(t.partnerId, t.runId),
    index("partner_runs_latest_idx").on(t.partnerId, t.startedAt.desc().nullsFirst()),
  ],
);

/**
 * Each payer's balance in the PayerRegistry as last read (fee-token units, 6 decimals; negative is
 * debt), with the minimum deposit read at the same block and when it was last at or above it.
 */
export const payerBalances = pgTable(
  "payer_balances",
  {
    network: networkRef(),
    address: text("address").notNull(),
    balance: numeric("balance", { precision: 40, scale: 0 }).notNull(),
    minimumDeposit: numeric("minimum_deposit", { precision: 40, scale: 0 }).notNull(),
    blockNumber: bigint("block_number", { mode: "number" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
    fundedSince: timestamp("funded_since", { withTimezone: true }),
    lastFundedAt: timestamp("last_funded_at", { withTimezone: true }),
    /** Events are scanned to this block for this payer; the next pass starts after it. */
    eventsScannedTo: bigint("events_scanned_to", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.network, t.address] })],
);

/** The PayerRegistry's Deposit and UsageSettled events of the partners' payers. */
export const payerEvents = pgTable(
  "payer_events",
  {
    network: networkRef(),
    address: text("address").notNull(),
    kind: text("kind", { enum: PAYER_EVENT_KINDS }).notNull(),
    amount: numeric("amount", { precision: 40, scale: 0 }).notNull(),
    payerReportId: text("payer_report_id"),
    blockNumber: bigint("block_number", { mode: "number" }).notNull(),
    blockTime: timestamp("block_time", { withTimezone: true }).notNull(),
    txHash: text("tx_hash").notNull(),
    logIndex: integer("log_index").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.txHash, t.logIndex] }),
    index("payer_events_address_idx").on(t.network, t.address, t.blockNumber.desc().nullsFirst()),
  ],
);
