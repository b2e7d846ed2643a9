CREATE TABLE "till_keys" (
	"store_id" text NOT NULL,
	"till_id" text NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"source" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "till_keys_store_id_till_id_key_id_pk" PRIMARY KEY("store_id","till_id","key_id")
);
--> statement-breakpoint
ALTER TABLE "till_keys" ADD CONSTRAINT "till_keys_store_id_till_id_tills_store_id_till_id_fk" FOREIGN KEY ("store_id","till_id") REFERENCES "public"."tills"("store_id","till_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
COMMENT ON TABLE "till_keys" IS 'Per store: the public keys each till signs its fiscal records with (enrollment with proof of possession, or a verified rotation). Citus: distributed by store_id.';
