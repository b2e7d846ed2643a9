-- Hand-written (drizzle-kit generate --custom): what each table is for when the hub outgrows one
-- machine. Citus distributes the per-store tables by store_id (their keys all start with it) and
-- copies the shared ones to every node as reference tables. The words live in the database so an
-- operator running \d+ sees them.
COMMENT ON TABLE "stores" IS 'Per store. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "tills" IS 'Per store. Citus: distributed by store_id, co-located with stores.';
--> statement-breakpoint
COMMENT ON TABLE "device_tokens" IS 'Per store; SHA-256 of each till token (<storeId>.<secret>). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "store_counters" IS 'Per store checkpoint sequence; its row lock orders a store''s writers. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "store_docs" IS 'Per store synced documents (sales, till records, customers, stock levels, settings). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "incidents" IS 'Per store flags for head office (conflicts). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "quarantine" IS 'Per store documents refused at push, kept with the reason. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "catalog_docs" IS 'Shared catalog (products, price lists, promotions). Citus: reference table.';
--> statement-breakpoint
COMMENT ON TABLE "catalog_counter" IS 'The shared catalog''s checkpoint sequence (one row). Citus: reference table.';
--> statement-breakpoint
COMMENT ON TABLE "enrollment_codes" IS 'One-time codes, looked up by hash before the store is known. Citus: reference table.';
--> statement-breakpoint
COMMENT ON TABLE "admin_tokens" IS 'Tokens of the hub''s own command line. Citus: reference table.';
