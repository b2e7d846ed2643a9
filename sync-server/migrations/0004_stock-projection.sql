CREATE TABLE "stock_projection" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
COMMENT ON TABLE "stock_projection" IS 'Per store checkpoint of the stock projector (last sale turned into stock movements). Citus: distributed by store_id.';
