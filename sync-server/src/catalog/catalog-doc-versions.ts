import type { Queryable } from '../db/database';

/**
 * The history of versioned catalog documents (catalog_doc_versions): a promotion's or a loyalty
 * program's every saved version, kept by its save's transaction. catalog_docs holds only the
 * latest; the verifier and the loyalty projector read a sale's named version here.
 */
export async function recordDocVersion(tx: Queryable, collection: string, id: string, version: number, doc: unknown): Promise<void> {
  // A version is saved once; the same save replayed (a retried transaction) writes the same content.
  await tx.query(
    `INSERT INTO catalog_doc_versions (collection, id, version, doc) VALUES ($1, $2, $3, $4)
     ON CONFLICT (collection, id, version) DO NOTHING`,
    [collection, id, version, JSON.stringify(doc)],
  );
}

/** The document as saved under `version`, or null when the hub never saved that version. */
export async function docVersion<T>(db: Queryable, collection: string, id: string, version: number): Promise<T | null> {
  const [row] = await db.query<{ doc: T }>('SELECT doc FROM catalog_doc_versions WHERE collection = $1 AND id = $2 AND version = $3', [
    collection,
    id,
    version,
  ]);
  return row?.doc ?? null;
}
