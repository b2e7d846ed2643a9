import type { PrinterCondition, PrinterState } from '@pos/core';

/**
 * What a printer's status bytes said, whatever the command language. A field is absent when the
 * reply that carries it was not read (DLE EOT 4 alone says nothing about the cover).
 */
export type PrinterSensors = {
  readonly offline?: boolean;
  readonly coverOpen?: boolean;
  readonly paperEnd?: boolean;
  readonly paperNearEnd?: boolean;
  /** Level of the drawer switch input (kick-out connector pin 3); open or closed depends on the drawer. */
  readonly drawerSignalHigh?: boolean;
  /** Mechanical, autocutter, head temperature or unrecoverable error. */
  readonly error?: boolean;
  readonly feedButtonPressed?: boolean;
  readonly waitingForOnlineRecovery?: boolean;
};

/** Parsers never throw: bytes that are not what they should be come back as a reason. */
export type StatusParse = { readonly ok: true; readonly sensors: PrinterSensors } | { readonly ok: false; readonly error: string };

/** Later readings win field by field: DLE EOT 1, 2 and 4 each fill in part of the picture. */
export function mergeSensors(...readings: readonly PrinterSensors[]): PrinterSensors {
  return Object.assign({}, ...readings) as PrinterSensors;
}

/**
 * The conditions to show the cashier. The most specific cause wins: paper end and an open cover
 * also put the printer offline, so 'offline' is listed only when nothing explains it, and a near
 * end is not repeated once the paper has run out.
 */
export function conditionsOf(sensors: PrinterSensors, drawerOpenWhen: 'high' | 'low' = 'high'): PrinterCondition[] {
  const conditions: PrinterCondition[] = [];
  if (sensors.paperEnd) conditions.push('paper-end');
  else if (sensors.paperNearEnd) conditions.push('paper-near-end');
  if (sensors.coverOpen) conditions.push('cover-open');
  if (sensors.error) conditions.push('error');
  if (sensors.offline && !sensors.paperEnd && !sensors.coverOpen && !sensors.error) conditions.push('offline');
  if (sensors.drawerSignalHigh !== undefined && sensors.drawerSignalHigh === (drawerOpenWhen === 'high')) conditions.push('drawer-open');
  return conditions;
}

/** Can it print now? A near end or an open drawer still prints. */
export function printerStateOf(conditions: readonly PrinterCondition[]): Exclude<PrinterState, 'none'> {
  if (conditions.includes('error')) return 'error';
  if (conditions.some((c) => c === 'paper-end' || c === 'cover-open' || c === 'offline')) return 'offline';
  return 'ready';
}
