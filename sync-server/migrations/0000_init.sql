CREATE TABLE "admin_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_counter" (
	"id" bigint PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_docs" (
	"collection" text NOT NULL,
	"id" text NOT NULL,
	"seq" bigint NOT NULL,
	"doc" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_docs_collection_id_pk" PRIMARY KEY("collection","id")
);
--> statement-breakpoint
CREATE TABLE "device_tokens" (
	"store_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"till_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "device_tokens_store_id_token_hash_pk" PRIMARY KEY("store_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"store_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"kind" text NOT NULL,
	"collection" text NOT NULL,
	"doc_id" text NOT NULL,
	"till_id" text,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_store_id_incident_id_pk" PRIMARY KEY("store_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"store_id" text NOT NULL,
	"quarantine_id" text NOT NULL,
	"collection" text NOT NULL,
	"doc_id" text,
	"till_id" text,
	"doc" jsonb,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarantine_store_id_quarantine_id_pk" PRIMARY KEY("store_id","quarantine_id")
);
--> statement-breakpoint
CREATE TABLE "store_counters" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_docs" (
	"store_id" text NOT NULL,
	"collection" text NOT NULL,
	"id" text NOT NULL,
	"seq" bigint NOT NULL,
	"doc" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"till_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_docs_store_id_collection_id_pk" PRIMARY KEY("store_id","collection","id")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"store_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"profile" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stores_store_id_not_catalog" CHECK (lower("stores"."store_id") <> 'catalog')
);
--> statement-breakpoint
CREATE TABLE "tills" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tills_store_id_till_id_pk" PRIMARY KEY("store_id","till_id")
);
--> statement-breakpoint
ALTER TABLE "device_tokens" ADD CONSTRAINT "device_tokens_store_id_till_id_tills_store_id_till_id_fk" FOREIGN KEY ("store_id","till_id") REFERENCES "public"."tills"("store_id","till_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tills" ADD CONSTRAINT "tills_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_docs_seq_idx" ON "catalog_docs" USING btree ("collection","seq");--> statement-breakpoint
CREATE INDEX "device_tokens_till_idx" ON "device_tokens" USING btree ("store_id","till_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_docs_seq_idx" ON "store_docs" USING btree ("store_id","collection","seq");