CREATE TABLE "staff" (
	"store_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"badge_code" text,
	"pin_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_store_id_staff_id_pk" PRIMARY KEY("store_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "store_roles" (
	"store_id" text NOT NULL,
	"role" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_roles_store_id_role_pk" PRIMARY KEY("store_id","role")
);
--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_roles" ADD CONSTRAINT "store_roles_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_badge_idx" ON "staff" USING btree ("store_id","badge_code") WHERE "staff"."badge_code" IS NOT NULL;--> statement-breakpoint
COMMENT ON TABLE "staff" IS 'Per store staff (PINs as scrypt hashes made at the hub, never in clear). Citus: distributed by store_id.';--> statement-breakpoint
COMMENT ON TABLE "store_roles" IS 'Per store tightening of a chain role (permissions kept). Citus: distributed by store_id.';
