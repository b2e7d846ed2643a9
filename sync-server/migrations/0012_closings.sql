CREATE TABLE "closing_checks" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"epoch" integer NOT NULL,
	"seq" bigint NOT NULL,
	"doc_id" text NOT NULL,
	"kind" text NOT NULL,
	"session_id" text,
	"business_date" text,
	"sealed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"recomputed" jsonb,
	"differences" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"problem" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closing_checks_store_id_till_id_epoch_seq_pk" PRIMARY KEY("store_id","till_id","epoch","seq"),
	CONSTRAINT "closing_checks_status" CHECK ("status" IN ('match', 'difference', 'pending', 'unreadable'))
);
--> statement-breakpoint
CREATE TABLE "closing_inputs" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"chain" text NOT NULL,
	"epoch" integer NOT NULL,
	"seq" bigint NOT NULL,
	"doc_id" text NOT NULL,
	"type" text NOT NULL,
	"session_id" text,
	"business_date" text,
	CONSTRAINT "closing_inputs_store_id_till_id_chain_epoch_seq_pk" PRIMARY KEY("store_id","till_id","chain","epoch","seq")
);
--> statement-breakpoint
CREATE TABLE "closing_projection" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "closing_checks_date_idx" ON "closing_checks" USING btree ("store_id","business_date");--> statement-breakpoint
CREATE INDEX "closing_checks_session_idx" ON "closing_checks" USING btree ("store_id","till_id","session_id") WHERE "session_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "closing_checks_day_idx" ON "closing_checks" USING btree ("store_id","till_id","kind","business_date");--> statement-breakpoint
CREATE INDEX "closing_inputs_session_idx" ON "closing_inputs" USING btree ("store_id","till_id","session_id") WHERE "session_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "closing_inputs_date_idx" ON "closing_inputs" USING btree ("store_id","till_id","business_date") WHERE "business_date" IS NOT NULL;--> statement-breakpoint
COMMENT ON TABLE "closing_projection" IS 'Per store checkpoint of the closing projector on the verified feed. Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "closing_inputs" IS 'Per store index of the verified sales and cash-session events closings are recomputed from (the records stay in store_docs). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "closing_checks" IS 'Per store Z reports and daily closings recomputed at the hub: match, difference, pending or unreadable. Citus: distributed by store_id.';
