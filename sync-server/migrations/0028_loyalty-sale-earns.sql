CREATE TABLE "loyalty_sale_earns" (
	"sale_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"program_id" text NOT NULL,
	"store_id" text,
	"earned_at" timestamp with time zone DEFAULT now() NOT NULL
);

--> statement-breakpoint
COMMENT ON TABLE "loyalty_sale_earns" IS 'The member a sale earned for, once per sale (the loyalty projector, or a member attached after the sale); a return finds here whose points to take back. Citus: distributed by sale_id.';