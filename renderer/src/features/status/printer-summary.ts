import type { PrinterCondition } from '@pos/core';

/** Most urgent first: what stops printing before what only warns. */
const URGENCY: readonly PrinterCondition[] = ['paper-end', 'cover-open', 'offline', 'error', 'paper-near-end', 'drawer-open'];

/** The printer's conditions, most urgent first, so a short summary can name only the first. */
export function byUrgency(conditions: readonly PrinterCondition[]): PrinterCondition[] {
  return [...new Set(conditions)].sort((a, b) => URGENCY.indexOf(a) - URGENCY.indexOf(b));
}
