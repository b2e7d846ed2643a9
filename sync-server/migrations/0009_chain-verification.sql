CREATE TABLE "chain_anchors" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"epoch" integer NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"event_seq" bigint NOT NULL,
	"event_doc_id" text NOT NULL,
	"anchored_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "chain_anchors_store_id_till_id_chain_pk" PRIMARY KEY("store_id","till_id","chain")
);
--> statement-breakpoint
CREATE TABLE "chain_breaks" (
	"store_id" text NOT NULL,
	"break_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"epoch" integer NOT NULL,
	"seq" bigint NOT NULL,
	"collection" text,
	"doc_id" text,
	"code" text NOT NULL,
	"problem" text NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_breaks_store_id_break_id_pk" PRIMARY KEY("store_id","break_id")
);
--> statement-breakpoint
CREATE TABLE "chain_heads" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"epoch" integer DEFAULT 1 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_heads_store_id_till_id_chain_pk" PRIMARY KEY("store_id","till_id","chain")
);
--> statement-breakpoint
CREATE TABLE "chain_pending" (
	"store_id" text NOT NULL,
	"collection" text NOT NULL,
	"doc_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"doc_seq" bigint NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "chain_pending_store_id_collection_doc_id_pk" PRIMARY KEY("store_id","collection","doc_id")
);
--> statement-breakpoint
CREATE TABLE "chain_records" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"epoch" integer NOT NULL,
	"seq" bigint NOT NULL,
	"collection" text NOT NULL,
	"doc_id" text NOT NULL,
	"hash" text NOT NULL,
	"prev_hash" text NOT NULL,
	"status" text NOT NULL,
	"feed_seq" bigint,
	CONSTRAINT "chain_records_store_id_till_id_chain_epoch_seq_pk" PRIMARY KEY("store_id","till_id","chain","epoch","seq")
);
--> statement-breakpoint
CREATE TABLE "chain_verification" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"feed_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chain_breaks_recent_idx" ON "chain_breaks" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_records_feed_idx" ON "chain_records" USING btree ("store_id","feed_seq") WHERE "feed_seq" IS NOT NULL;--> statement-breakpoint
-- Hand-written: what each table is for, and the stock projector's checkpoint moved to the verified feed.
COMMENT ON TABLE "chain_verification" IS 'Per store checkpoint of the chain verifier (store sequence read, last verified feed number). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "chain_heads" IS 'Per store: each till''s chains verified up to (journal, sequence, hash). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "chain_records" IS 'Per store: every sealed record placed on its chain (hash, link, status) and the verified feed (feed_seq) projections follow. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "chain_pending" IS 'Per store: records waiting for an earlier record or a key (grace period). Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "chain_breaks" IS 'Per store: what the chain verifier found wrong, naming the record. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "chain_anchors" IS 'Per store: the highest head each till''s starts anchored per chain. Citus: distributed by store_id.';
--> statement-breakpoint
COMMENT ON TABLE "stock_projection" IS 'Per store checkpoint of the stock projector (last verified feed number turned into stock movements). Citus: distributed by store_id.';
--> statement-breakpoint
-- The checkpoint counted store sequences; it now counts the verified feed, which starts empty and
-- fills as the verifier goes through every stored record. Movement ids are idempotent: the sales
-- projected before count once.
UPDATE "stock_projection" SET "seq" = 0;
