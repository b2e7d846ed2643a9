CREATE TABLE "report_day" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_day_store_id_business_date_pk" PRIMARY KEY("store_id","business_date")
);
--> statement-breakpoint
CREATE TABLE "report_day_cashier" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"staff_id" text NOT NULL,
	CONSTRAINT "report_day_cashier_store_id_business_date_staff_id_pk" PRIMARY KEY("store_id","business_date","staff_id")
);
--> statement-breakpoint
CREATE TABLE "report_day_hour" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"hour" integer NOT NULL,
	CONSTRAINT "report_day_hour_store_id_business_date_hour_pk" PRIMARY KEY("store_id","business_date","hour")
);
--> statement-breakpoint
CREATE TABLE "report_day_product" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"product_id" text NOT NULL,
	"category" text NOT NULL,
	"quantity" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_day_product_store_id_business_date_product_id_pk" PRIMARY KEY("store_id","business_date","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_day_salesperson" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"salesperson_id" text NOT NULL,
	CONSTRAINT "report_day_salesperson_store_id_business_date_salesperson_id_pk" PRIMARY KEY("store_id","business_date","salesperson_id")
);
--> statement-breakpoint
CREATE TABLE "report_day_tender" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"method" text NOT NULL,
	CONSTRAINT "report_day_tender_store_id_business_date_method_pk" PRIMARY KEY("store_id","business_date","method")
);
--> statement-breakpoint
CREATE TABLE "report_day_till" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"till_id" text NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "report_day_till_store_id_business_date_till_id_channel_pk" PRIMARY KEY("store_id","business_date","till_id","channel")
);
--> statement-breakpoint
CREATE TABLE "report_day_vat" (
	"store_id" text NOT NULL,
	"business_date" text NOT NULL,
	"tickets" bigint DEFAULT 0 NOT NULL,
	"returns" bigint DEFAULT 0 NOT NULL,
	"net_incl" bigint DEFAULT 0 NOT NULL,
	"net_excl" bigint DEFAULT 0 NOT NULL,
	"returns_incl" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"items" bigint DEFAULT 0 NOT NULL,
	"rate_bp" integer NOT NULL,
	CONSTRAINT "report_day_vat_store_id_business_date_rate_bp_pk" PRIMARY KEY("store_id","business_date","rate_bp")
);
--> statement-breakpoint
CREATE TABLE "report_lines" (
	"store_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"line_id" text NOT NULL,
	"business_date" text NOT NULL,
	"till_id" text NOT NULL,
	"kind" text NOT NULL,
	"product_id" text NOT NULL,
	"category" text NOT NULL,
	"quantity" bigint NOT NULL,
	"items" bigint NOT NULL,
	"net_incl" bigint NOT NULL,
	"net_excl" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"discount" bigint NOT NULL,
	"salesperson_id" text NOT NULL,
	CONSTRAINT "report_lines_store_id_sale_id_line_id_pk" PRIMARY KEY("store_id","sale_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "report_sales" (
	"store_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"till_id" text NOT NULL,
	"business_date" text NOT NULL,
	"local_hour" integer NOT NULL,
	"weekday" integer NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"staff_id" text NOT NULL,
	"total_incl" bigint NOT NULL,
	"total_excl" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"items" bigint NOT NULL,
	"tenders" jsonb NOT NULL,
	"vat" jsonb NOT NULL,
	CONSTRAINT "report_sales_store_id_sale_id_pk" PRIMARY KEY("store_id","sale_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_projection" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_lines_date_idx" ON "report_lines" USING btree ("store_id","business_date");--> statement-breakpoint
CREATE INDEX "report_sales_date_idx" ON "report_sales" USING btree ("store_id","business_date");--> statement-breakpoint
COMMENT ON TABLE "reporting_projection" IS 'The reporting projector''s checkpoint on each store''s verified feed. Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_sales" IS 'Reporting facts, one row per verified sale or return (training never), amounts negative for a return. Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_lines" IS 'Reporting facts, one row per line of a report_sales sale. Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_hour" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_till" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_cashier" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_salesperson" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_product" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_tender" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "report_day_vat" IS 'Daily reporting roll-up kept by the reporting projector (net amounts, returns negative). Citus: distributed by store_id.';
