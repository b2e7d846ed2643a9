-- The JET list sorted and filtered on each event document's sealedAt read from its JSON, over every event of the store: the event records keep it in chain_records, in an index (the chain verifier writes it from now on; the records already placed get it here, a store at a time on Citus since both tables are distributed by store_id).
ALTER TABLE "chain_records" ADD COLUMN "sealed_at" text;--> statement-breakpoint
UPDATE "chain_records" r SET "sealed_at" = d."doc" #>> '{record,sealedAt}' FROM "store_docs" d
 WHERE r."chain" = 'event' AND d."store_id" = r."store_id" AND d."collection" = r."collection" AND d."id" = r."doc_id";--> statement-breakpoint
CREATE INDEX "chain_records_jet_idx" ON "chain_records" USING btree ("store_id","sealed_at","till_id","epoch","seq") WHERE "chain" = 'event';
