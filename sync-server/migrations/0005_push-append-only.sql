-- Hand-written (drizzle-kit generate --custom): a push of an append-only collection (sales, till
-- records) in one statement, so one round trip and one implicit transaction. The store's counter
-- row is locked only while the database works, never across a round trip to the hub, and its
-- plans are prepared once per connection. The policy is the one of the design: an id seen again
-- with the same content is a retried push (nothing written, no conflict); with other content the
-- original stays and comes back as a conflict. Sequence numbers go to the new rows only, in push
-- order, so a retried push leaves the counter as it was and no number is ever skipped.
--
-- p_ids: the ids of p_rows, in the same order, as a JSON array of strings.
-- p_rows: [{"n": index in the push, "id": text, "doc": the content}], in push order.
-- Returns {"lastSeq": the newest number written or null, "conflicts": [{"n", "id", "doc", "deleted"}]}
-- where doc/deleted are the stored original that a row of index n contradicts.
CREATE FUNCTION hub_push_append_only(p_store text, p_collection text, p_till text, p_ids jsonb, p_rows jsonb)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  ids text[] := ARRAY(SELECT jsonb_array_elements_text(p_ids));
  base bigint;
  written bigint;
  conflicts jsonb := '[]'::jsonb;
BEGIN
  -- The lock that orders the store's writers (as lockCounter in document-table.ts): held until
  -- commit, so commit order is sequence order and a pull never skips a row committed late.
  SELECT c.seq INTO base FROM store_counters c WHERE c.store_id = p_store FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO store_counters AS c (store_id, seq) VALUES (p_store, 0)
      ON CONFLICT (store_id) DO UPDATE SET seq = c.seq
      RETURNING c.seq INTO base;
  END IF;
  -- Each statement of a function takes its snapshot when it starts: from here on, after the
  -- lock, everything the store's previous writer committed is seen.
  -- One probe of the primary key per id: the LIMIT keeps each lookup a subquery of its own, which
  -- the planner cannot turn into a join scanning the store's rows, as it does when statistics are
  -- missing (a new hub, a new store) and it takes the store for one row.
  IF NOT EXISTS (SELECT 1 FROM unnest(ids) AS i(id)
                   CROSS JOIN LATERAL (SELECT 1 FROM store_docs d WHERE d.store_id = p_store AND d.collection = p_collection AND d.id = i.id LIMIT 1) d)
     AND (SELECT count(DISTINCT i) FROM unnest(ids) i) = cardinality(ids) THEN
    -- Nearly every push: new ids, each once. Numbered in push order.
    INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
    SELECT p_store, p_collection, r.id, base + r.n + 1, r.doc, false, p_till
      FROM jsonb_to_recordset(p_rows) AS r(n int, id text, doc jsonb);
    GET DIAGNOSTICS written = ROW_COUNT;
  ELSE
    -- A retry, a conflict, or an id twice in one push.
    WITH incoming AS (
      SELECT r.n, r.id, r.doc FROM jsonb_to_recordset(p_rows) AS r(n int, id text, doc jsonb)
    ), existing AS (
      SELECT d.id, d.doc, d.deleted FROM unnest(ids) AS i(id)
        CROSS JOIN LATERAL (SELECT d.id, d.doc, d.deleted FROM store_docs d WHERE d.store_id = p_store AND d.collection = p_collection AND d.id = i.id LIMIT 1) d
    ), firsts AS (
      -- The same id twice in one push: the first is the one written, the others are compared to it.
      SELECT DISTINCT ON (i.id) i.id, i.n, i.doc FROM incoming i ORDER BY i.id, i.n
    ), fresh AS (
      SELECT f.id, f.n, f.doc, row_number() OVER (ORDER BY f.n) AS k
        FROM firsts f WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.id = f.id)
    ), inserted AS (
      INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
      SELECT p_store, p_collection, f.id, base + f.k, f.doc, false, p_till FROM fresh f
      RETURNING 1
    ), kept AS (
      SELECT e.id, e.doc, e.deleted, NULL::int AS n FROM existing e
      UNION ALL
      SELECT f.id, f.doc, false, f.n FROM fresh f
    )
    SELECT (SELECT count(*) FROM inserted),
           coalesce((SELECT jsonb_agg(jsonb_build_object('n', i.n, 'id', i.id, 'doc', k.doc, 'deleted', k.deleted) ORDER BY i.n)
                       FROM incoming i JOIN kept k ON k.id = i.id
                      WHERE i.n IS DISTINCT FROM k.n AND i.doc <> k.doc), '[]'::jsonb)
      INTO written, conflicts;
  END IF;
  -- No ON CONFLICT on either insert: under the lock nobody else can have written these ids, and
  -- if somebody did, failing the push beats leaving a hole in the sequence.
  IF written > 0 THEN
    UPDATE store_counters SET seq = seq + written WHERE store_id = p_store;
  END IF;
  RETURN jsonb_build_object('lastSeq', CASE WHEN written > 0 THEN base + written END, 'conflicts', conflicts);
END
$$;
--> statement-breakpoint
COMMENT ON FUNCTION hub_push_append_only(text, text, text, jsonb, jsonb) IS 'A push of sales or till records in one statement (sync-server/src/sync/append-only-push.ts). Citus: distributed by p_store, co-located with store_docs.';
