CREATE TABLE "quarantine_overflow" (
	"store_id" text NOT NULL,
	"collection" text NOT NULL,
	"code" text NOT NULL,
	"refusals" bigint NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarantine_overflow_store_id_collection_code_pk" PRIMARY KEY("store_id","collection","code")
);
--> statement-breakpoint
COMMENT ON TABLE "quarantine_overflow" IS 'Per store count of refused documents past the quarantine quota, by collection and reason. Citus: distributed by store_id.';
--> statement-breakpoint
ALTER TABLE "quarantine" ADD COLUMN "code" text;--> statement-breakpoint
-- Edited by hand after drizzle-kit generate: the new columns are filled from the documents kept
-- whole so far (excerpt and hash of jsonb's text form), before they become NOT NULL and the
-- whole documents go.
ALTER TABLE "quarantine" ADD COLUMN "excerpt" text;--> statement-breakpoint
ALTER TABLE "quarantine" ADD COLUMN "doc_sha256" text;--> statement-breakpoint
ALTER TABLE "quarantine" ADD COLUMN "doc_bytes" integer;--> statement-breakpoint
UPDATE "quarantine" SET
	"excerpt" = left(coalesce("doc"::text, 'null'), 4096),
	"doc_sha256" = encode(sha256(convert_to(coalesce("doc"::text, 'null'), 'UTF8')), 'hex'),
	"doc_bytes" = octet_length(convert_to(coalesce("doc"::text, 'null'), 'UTF8'));--> statement-breakpoint
ALTER TABLE "quarantine" ALTER COLUMN "excerpt" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "quarantine" ALTER COLUMN "doc_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "quarantine" ALTER COLUMN "doc_bytes" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "quarantine" DROP COLUMN "doc";--> statement-breakpoint
-- NOT VALID (by hand): levels written before stay as they are; every write from now on is checked.
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_level_safe" CHECK ("level" BETWEEN -9007199254740991 AND 9007199254740991) NOT VALID;
--> statement-breakpoint
-- By hand: erasure became absorbing at the hub (sync/field-merge-policy.ts); deleted customers
-- stored before keep nothing but their tombstone either (id, deletion, when, store).
UPDATE "store_docs" SET "doc" = jsonb_build_object(
		'updatedAt', to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
		'fieldTimes', jsonb_build_object('_deleted', to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
	) || CASE WHEN jsonb_typeof("doc" -> 'storeId') = 'string' THEN jsonb_build_object('storeId', "doc" -> 'storeId') ELSE '{}'::jsonb END
	WHERE "collection" = 'customers' AND "deleted";
