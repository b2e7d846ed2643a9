-- Hand-written (drizzle-kit generate --custom): the roles of the stock tables under Citus, as in
-- 0001, and the roles of stores and tills said as docs/operations.md says them (0001 called
-- stores distributed; it is a reference table: every node checks tills' foreign key locally).
COMMENT ON TABLE "stock_movements" IS 'Per store stock ledger (sales, returns, receipts, transfers, count adjustments), idempotent by movement_id. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "stock_levels" IS 'Per store running sum of stock_movements per product; may be negative (head office exceptions). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "stores" IS 'The chain''s stores. Citus: reference table.';
--> statement-breakpoint
COMMENT ON TABLE "tills" IS 'Per store. Citus: distributed by store_id.';
