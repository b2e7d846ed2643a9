CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"store_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "office_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_users" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"role" text NOT NULL,
	"stores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"staff_id" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_pending_secret" text,
	"totp_last_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_users_role" CHECK ("office_users"."role" IN ('admin', 'regional', 'store-manager', 'accountant'))
);
--> statement-breakpoint
ALTER TABLE "office_sessions" ADD CONSTRAINT "office_sessions_user_id_office_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."office_users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "office_sessions_user_idx" ON "office_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "office_users_email_idx" ON "office_users" USING btree (lower("email"));--> statement-breakpoint
COMMENT ON TABLE "office_users" IS 'Head-office users of the back office (role, stores, lockout, TOTP). Citus: reference table.';--> statement-breakpoint
COMMENT ON TABLE "office_sessions" IS 'Back-office sessions (SHA-256 of the cookie token), shared by every hub instance. Citus: reference table.';--> statement-breakpoint
COMMENT ON TABLE "audit_log" IS 'Changes made with office sessions, admin tokens or the command line: who, what, before/after (no secrets). Citus: reference table.';
