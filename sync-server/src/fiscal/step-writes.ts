import type { Queryable } from '../db/database';

/**
 * One write of a verification step: a data-modifying statement about the store ($1) whose rows
 * come as one JSON parameter (`rows` names it in the text), and its rows.
 */
export type StepWrite = {
  readonly sql: (rows: string) => string;
  readonly rows: unknown;
  /** Keys it writes, when another write of the step may touch the same ones (see writeStep). */
  readonly keys?: readonly string[];
};

/**
 * The step's writes in one statement (data-modifying CTEs, one round trip instead of one a table:
 * under load the verifier's time is its round trips). The CTEs all run on the statement's snapshot
 * and none sees another's rows, which holds as long as no two of them touch the same row: when
 * two writes name the same key (never expected), they run one after the other instead, as
 * separate statements.
 */
export async function writeStep(tx: Queryable, storeId: string, writes: readonly (StepWrite | null)[]): Promise<void> {
  const present = writes.filter((w): w is StepWrite => w !== null);
  if (present.length === 0) return;
  const keys = present.flatMap((w) => w.keys ?? []);
  if (present.length === 1 || new Set(keys).size < keys.length) {
    for (const w of present) await tx.query(w.sql('$2::jsonb'), [storeId, JSON.stringify(w.rows)]);
    return;
  }
  await tx.query(`WITH ${present.map((w, i) => `w${i} AS (${w.sql(`$${i + 2}::jsonb`)})`).join(',\n')}\nSELECT 1`, [
    storeId,
    ...present.map((w) => JSON.stringify(w.rows)),
  ]);
}
