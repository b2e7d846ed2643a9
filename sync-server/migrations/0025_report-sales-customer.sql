ALTER TABLE "report_sales" ADD COLUMN "customer_id" text;--> statement-breakpoint
CREATE INDEX "report_sales_customer_idx" ON "report_sales" USING btree ("customer_id","completed_at","sale_id") WHERE "customer_id" IS NOT NULL;--> statement-breakpoint
COMMENT ON COLUMN "report_sales"."customer_id" IS 'The sealed customerId of the sale (issue 14), as sealed: a merged customer is resolved when read. Citus: report_sales stays distributed by store_id; a customer''s history reads report_sales_customer_idx on every worker (a few rows each) and merges them newest first.';--> statement-breakpoint
UPDATE "report_sales" AS rs SET "customer_id" = d."doc" #>> '{record,payload,customerId}'
  FROM "store_docs" AS d
 WHERE d."store_id" = rs."store_id" AND d."collection" = 'sales' AND d."id" = rs."sale_id"
   AND d."doc" #>> '{record,payload,customerId}' IS NOT NULL;
