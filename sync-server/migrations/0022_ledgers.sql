CREATE TABLE "loyalty_accounts" (
	"customer_id" text NOT NULL,
	"program_id" text NOT NULL,
	"last_entry_at" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_accounts_customer_id_program_id_pk" PRIMARY KEY("customer_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "loyalty_entries" (
	"customer_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"sale_id" text,
	"till_id" text,
	"entry" jsonb,
	"request_hash" text NOT NULL,
	"answer" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_entries_customer_id_entry_id_pk" PRIMARY KEY("customer_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "stored_value_cards" (
	"card_id" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"expires_at" text,
	"status" text DEFAULT 'active' NOT NULL,
	"customer_id" text,
	"issue_request_id" text NOT NULL,
	"last_entry_at" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_value_cards_kind" CHECK ("kind" IN ('gift_card', 'store_credit')),
	CONSTRAINT "stored_value_cards_status" CHECK ("status" IN ('active', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "stored_value_entries" (
	"card_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"amount" bigint,
	"sale_id" text,
	"till_id" text,
	"entry" jsonb NOT NULL,
	"request_hash" text NOT NULL,
	"answer" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_value_entries_card_id_entry_id_pk" PRIMARY KEY("card_id","entry_id")
);
--> statement-breakpoint
CREATE INDEX "loyalty_entries_program_idx" ON "loyalty_entries" USING btree ("customer_id","program_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_value_cards_issue_request_idx" ON "stored_value_cards" USING btree ("issue_request_id");--> statement-breakpoint
COMMENT ON TABLE "loyalty_accounts" IS 'A member in a loyalty program: the row each ledger operation locks. Citus: distributed by customer_id.';--> statement-breakpoint
COMMENT ON TABLE "loyalty_entries" IS 'Loyalty ledger (core LoyaltyEntry), idempotent by entry_id; balances are replayed, never stored. Citus: distributed by customer_id.';--> statement-breakpoint
COMMENT ON TABLE "stored_value_cards" IS 'Gift cards and store credit: the code kept only as its SHA-256, the card id derived from it. Citus: distributed by card_id (the issue_request_id index then needs a look-up table keyed by it).';--> statement-breakpoint
COMMENT ON TABLE "stored_value_entries" IS 'Stored-value ledger (core StoredValueEntry), idempotent by entry_id. Citus: distributed by card_id.';
