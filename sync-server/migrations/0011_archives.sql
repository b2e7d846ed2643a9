CREATE TABLE "archive_log" (
	"store_id" text NOT NULL,
	"archive_id" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"jet_code" integer NOT NULL,
	"requested_by" text NOT NULL,
	"key_id" text NOT NULL,
	"records" bigint NOT NULL,
	"manifest_sha256" text NOT NULL,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "archive_log_store_id_archive_id_pk" PRIMARY KEY("store_id","archive_id")
);
--> statement-breakpoint
CREATE TABLE "hub_archive_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
COMMENT ON TABLE "archive_log" IS 'Per store log of the signed fiscal archives the hub made (JET 20/30: the hub has no event chain of its own). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "hub_archive_keys" IS 'The hub''s Ed25519 archive signing keys (private key PKCS #8, base64), one current. Citus: reference table.';
