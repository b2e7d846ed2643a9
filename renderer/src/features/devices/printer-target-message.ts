import { PRINTER_TARGET_PROBLEMS, type PrinterTargetProblem } from '@pos/core';
import type { Message } from '../../state/app-store';
import { errorMessage } from '../../state/error-notice';

/** A refused printer address in the manager's language: `devices.targetProblem.<code>`, naming the part at fault. */
export function printerTargetMessage(problem: PrinterTargetProblem): Message {
  return { key: `devices.targetProblem.${problem.code}`, values: { text: problem.text, part: problem.part ?? '' } };
}

function isPrinterTargetProblem(value: unknown): value is PrinterTargetProblem {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof value === 'object' && value !== null && (PRINTER_TARGET_PROBLEMS as readonly unknown[]).includes(code);
}

/** Why the host refused the Devices screen's settings: the printer address by its code, anything else by the error's own. */
export function settingsRefusal(error: unknown): Message {
  const details = (error as { details?: { printerTarget?: unknown } } | null)?.details;
  return isPrinterTargetProblem(details?.printerTarget) ? printerTargetMessage(details.printerTarget) : errorMessage(error);
}
