CREATE TABLE "chain_customers" (
	"id" text PRIMARY KEY NOT NULL,
	"first_name" text,
	"last_name" text,
	"first_name_key" text,
	"last_name_key" text,
	"email" text,
	"email_normalised" text,
	"phone" text,
	"phone_normalised" text,
	"card_number" text,
	"postal_code" text,
	"consents" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_store" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"merged_into" text,
	CONSTRAINT "chain_customers_id_length" CHECK (length("chain_customers"."id") BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chain_customers_card_idx" ON "chain_customers" USING btree ("card_number");--> statement-breakpoint
CREATE INDEX "chain_customers_phone_idx" ON "chain_customers" USING btree ("phone_normalised") WHERE "chain_customers"."merged_into" IS NULL;--> statement-breakpoint
CREATE INDEX "chain_customers_email_idx" ON "chain_customers" USING btree ("email_normalised") WHERE "chain_customers"."merged_into" IS NULL;--> statement-breakpoint
CREATE INDEX "chain_customers_name_idx" ON "chain_customers" USING btree ("last_name_key" COLLATE "C","first_name_key" COLLATE "C","id" COLLATE "C") WHERE "chain_customers"."merged_into" IS NULL;--> statement-breakpoint
CREATE INDEX "chain_customers_merged_into_idx" ON "chain_customers" USING btree ("merged_into");--> statement-breakpoint
COMMENT ON TABLE "chain_customers" IS 'Citus: distributed by id (a customer belongs to the chain, not a store); searches fan out to every worker, each scanning its share of the partial indexes. The card number''s unique index needs the distribution column under Citus: there, uniqueness moves to a table distributed by card number.';
