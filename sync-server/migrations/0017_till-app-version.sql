ALTER TABLE "office_users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tills" ADD COLUMN "app_version" text;