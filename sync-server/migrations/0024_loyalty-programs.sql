CREATE TABLE "catalog_doc_versions" (
	"collection" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_doc_versions_collection_id_version_pk" PRIMARY KEY("collection","id","version")
);
--> statement-breakpoint
CREATE TABLE "loyalty_projection" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
COMMENT ON TABLE "catalog_doc_versions" IS 'Every saved version of a versioned catalog document (promotions, loyalty programs), written with each save, so a sale naming a replaced version is still checked. Citus: a reference table, like catalog_docs.';--> statement-breakpoint
COMMENT ON TABLE "loyalty_projection" IS 'The loyalty projector''s checkpoint in each store''s verified feed. Citus: distributed by store_id.';
