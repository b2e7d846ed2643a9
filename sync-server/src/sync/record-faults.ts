/**
 * Whether an error comes from what one record holds rather than from the database being away:
 * PostgreSQL's data exceptions (class 22: a number out of range…), integrity violations (23: a
 * check) and program limits (54: an index row too large), or a TypeError/RangeError thrown while
 * handling the record's values (PGlite reads an int8 beyond 2^53 as a BigInt, which JSON cannot
 * write). A projector isolates such a record, reports it and moves on; anything else (a lost
 * connection, a serialisation failure, a shutdown) is retried later with nothing skipped.
 */
export function isRecordFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(22|23|54)/.test(code);
  return error instanceof TypeError || error instanceof RangeError;
}
