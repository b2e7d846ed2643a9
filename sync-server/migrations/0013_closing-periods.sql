ALTER TABLE "closing_checks" ADD CONSTRAINT "closing_checks_kind" CHECK ("kind" IN ('z', 'day', 'month', 'year'));--> statement-breakpoint
COMMENT ON TABLE "closing_checks" IS 'Per store closings recomputed at the hub (Z reports, daily, monthly and yearly closings): match, difference, pending or unreadable. Citus: distributed by store_id.';--> statement-breakpoint
-- Monthly and yearly closings the projector read before this migration were passed over: read the
-- verified feed again from its start (registering and recomputing are idempotent).
UPDATE "closing_projection" SET "seq" = 0;
