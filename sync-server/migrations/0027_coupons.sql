CREATE TABLE "coupon_accounts" (
	"promotion_id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupon_batches" (
	"promotion_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"count" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_batches_promotion_id_batch_id_pk" PRIMARY KEY("promotion_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "coupon_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"promotion_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"block_store_id" text,
	"block_till_id" text,
	"block_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupon_uses" (
	"promotion_id" text NOT NULL,
	"use_id" text NOT NULL,
	"code" text NOT NULL,
	"customer_id" text,
	"store_id" text NOT NULL,
	"till_ref" text NOT NULL,
	"state" text NOT NULL,
	"amount" bigint NOT NULL,
	"at" text NOT NULL,
	"until" text,
	"sale_id" text,
	"offline" boolean DEFAULT false NOT NULL,
	"incident" text,
	"request_hash" text NOT NULL,
	"answer" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_uses_promotion_id_use_id_pk" PRIMARY KEY("promotion_id","use_id")
);
--> statement-breakpoint
CREATE INDEX "coupon_codes_batch_idx" ON "coupon_codes" USING btree ("promotion_id","batch_id","code");--> statement-breakpoint
CREATE INDEX "coupon_codes_block_idx" ON "coupon_codes" USING btree ("block_store_id","block_till_id","code");--> statement-breakpoint
CREATE INDEX "coupon_uses_code_idx" ON "coupon_uses" USING btree ("promotion_id","code");--> statement-breakpoint
COMMENT ON TABLE "coupon_accounts" IS 'One row per promotion whose coupon was used: the row each reservation locks, so two tills asking for one single-use code or the last use are decided in turn (issue 14). Citus: distributed by promotion_id.';--> statement-breakpoint
COMMENT ON TABLE "coupon_uses" IS 'Every use of a promotion''s coupon: reserved, consumed by a sealed sale, released, or redeemed offline from a till''s block (incident set when recorded with a problem). Citus: distributed by promotion_id, co-located with coupon_accounts.';--> statement-breakpoint
COMMENT ON TABLE "coupon_codes" IS 'Single-use coupon codes head office generated, by code (a code gives one discount, it holds no money), with the till whose offline block holds it. Citus: a reference table (looked up by code from any till).';--> statement-breakpoint
COMMENT ON TABLE "coupon_batches" IS 'Batches of single-use codes head office asked for, idempotent by batch id. Citus: a reference table.';
