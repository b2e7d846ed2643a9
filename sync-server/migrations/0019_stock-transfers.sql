CREATE TABLE "stock_transfers" (
	"transfer_id" text PRIMARY KEY NOT NULL,
	"from_store_id" text NOT NULL,
	"to_store_id" text NOT NULL,
	"lines" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"body_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stock_movements_recent_idx" ON "stock_movements" USING btree ("store_id","created_at","movement_id");