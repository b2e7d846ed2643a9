CREATE TABLE "hub_link_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signup_claims" (
	"store_id" text NOT NULL,
	"sale_id" text NOT NULL,
	"proof" text NOT NULL,
	"customer_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "signup_claims_store_id_sale_id_proof_pk" PRIMARY KEY("store_id","sale_id","proof"),
	CONSTRAINT "signup_claims_status" CHECK ("signup_claims"."status" IN ('pending', 'claimed', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "signup_projection" (
	"store_id" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "signup_claims_claimed_idx" ON "signup_claims" USING btree ("store_id","sale_id") WHERE "signup_claims"."status" = 'claimed';--> statement-breakpoint
CREATE INDEX "signup_claims_customer_idx" ON "signup_claims" USING btree ("customer_id");--> statement-breakpoint
COMMENT ON TABLE "signup_claims" IS 'Sign-ups from a receipt''s QR code (issue 14): one row per sale and proof sent, pending until the sale is verified, then claimed (the proof hashed from the record''s hash) or refused; at most one claimed row per sale. Citus: distributed by store_id, co-located with the store''s sales.';--> statement-breakpoint
COMMENT ON TABLE "signup_projection" IS 'The sign-up projector''s place in each store''s verified feed. Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "hub_link_keys" IS 'The hub''s HMAC key for the links it signs for people without an account (the sign-up form''s token, wallet pass links); made on first use. Citus: a reference table.';
