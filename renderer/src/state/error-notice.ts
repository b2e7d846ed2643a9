import { SALE_PROBLEM_CODES } from '@pos/core';
import { useAppStore, type Message, type Notice } from './app-store';

type ThrownError = { code?: unknown; message?: unknown; details?: unknown };

function detailsOf(error: ThrownError): Record<string, unknown> {
  return typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)
    ? (error.details as Record<string, unknown>)
    : {};
}

/**
 * One translated sentence per problem the host refused a record for, by its code; the host's
 * English words ride along as a detail only. A code this renderer does not know yet still gets a
 * translated sentence.
 */
export function sealProblemDetails(error: unknown): NonNullable<Notice['details']> {
  const problems = detailsOf(error as ThrownError).problems;
  if (!Array.isArray(problems)) return [];
  return problems.map((p: { code?: unknown; message?: unknown }) => {
    const code = (SALE_PROBLEM_CODES as readonly unknown[]).includes(p?.code) ? (p.code as string) : 'unknown';
    return { key: `sealProblems.${code}`, ...(typeof p?.message === 'string' ? { words: p.message } : {}) };
  });
}

/** A thrown error as a message: `errors.<code>` with the host's details as values (seconds for a lock). */
export function errorMessage(error: unknown): Message {
  const e = (error ?? {}) as ThrownError;
  const code = typeof e.code === 'string' ? e.code : 'generic';
  const details = detailsOf(e);
  const retryMs = typeof details.retryInMs === 'number' ? details.retryInMs : 0;
  const values: Record<string, unknown> = {
    message: typeof e.message === 'string' ? e.message : String(error),
    attemptsLeft: '?',
    ...details,
    seconds: Math.ceil(retryMs / 1000),
  };
  // Lists (the problems of a refusal) are shown as sentences of their own, never interpolated.
  for (const [key, value] of Object.entries(values)) if (typeof value === 'object' && value !== null) delete values[key];
  return { key: `errors.${code}`, values };
}

/** Turns a thrown error into a notice, with the host's code when it has one and each refusal problem in words. */
export function notifyError(error: unknown): void {
  const { key, values } = errorMessage(error);
  useAppStore.getState().notify('error', key, values, sealProblemDetails(error));
}
