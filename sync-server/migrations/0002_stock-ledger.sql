CREATE TABLE "stock_levels" (
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"level" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_store_id_product_id_pk" PRIMARY KEY("store_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"store_id" text NOT NULL,
	"movement_id" text NOT NULL,
	"product_id" text NOT NULL,
	"quantity_delta" bigint NOT NULL,
	"kind" text NOT NULL,
	"source_collection" text NOT NULL,
	"source_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_store_id_movement_id_pk" PRIMARY KEY("store_id","movement_id"),
	CONSTRAINT "stock_movements_kind" CHECK ("kind" IN ('sale', 'return', 'receipt', 'transfer_in', 'transfer_out', 'count_adjustment'))
);
--> statement-breakpoint
CREATE INDEX "stock_levels_negative_idx" ON "stock_levels" USING btree ("store_id","product_id") WHERE "level" < 0;--> statement-breakpoint
CREATE INDEX "stock_movements_product_idx" ON "stock_movements" USING btree ("store_id","product_id","created_at");--> statement-breakpoint
CREATE INDEX "catalog_docs_barcodes_idx" ON "catalog_docs" USING gin (("doc" -> 'barcodes')) WITH (fastupdate=false) WHERE "collection" = 'products';