-- The Sales list's columns (completed_at, chain place, receipt, return_of) come from the sealed sales: the reports, derived data, are rebuilt from each store's verified feed.
TRUNCATE "report_sales", "report_lines", "report_day", "report_day_hour", "report_day_till", "report_day_cashier", "report_day_salesperson", "report_day_product", "report_day_tender", "report_day_vat";--> statement-breakpoint
DELETE FROM "reporting_projection";--> statement-breakpoint
ALTER TABLE "report_sales" ADD COLUMN "completed_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sales" ADD COLUMN "epoch" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sales" ADD COLUMN "seq" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sales" ADD COLUMN "receipt" text NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sales" ADD COLUMN "return_of" text;--> statement-breakpoint
CREATE INDEX "report_sales_recent_idx" ON "report_sales" USING btree ("store_id","business_date","completed_at","sale_id");--> statement-breakpoint
CREATE INDEX "report_sales_receipt_idx" ON "report_sales" USING btree ("store_id","till_id","seq");--> statement-breakpoint
CREATE INDEX "report_sales_return_of_idx" ON "report_sales" USING btree ("store_id","return_of") WHERE "return_of" IS NOT NULL;