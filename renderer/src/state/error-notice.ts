import { isErrorCode, isErrorReason, SALE_PROBLEM_CODES } from '@pos/core';
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

/**
 * A thrown error as a sentence of the page's language: `errors.reason.<reason>` when the host
 * named a finer reason, else `errors.<code>`, else `errors.generic`; the host's values (seconds,
 * a name, attempts left) fill it. Never the error's English message: that is `hostWords`.
 */
export function errorMessage(error: unknown): Message {
  const e = (error ?? {}) as ThrownError;
  const details = detailsOf(e);
  const key = isErrorReason(details.reason)
    ? `errors.reason.${details.reason}`
    : isErrorCode(e.code)
      ? `errors.${e.code}`
      : 'errors.generic';
  const retryMs = typeof details.retryInMs === 'number' ? details.retryInMs : 0;
  const values: Record<string, unknown> = { attemptsLeft: '?', ...details, seconds: Math.ceil(retryMs / 1000) };
  // Lists (the problems of a refusal) are shown as sentences of their own, never interpolated.
  for (const [name, value] of Object.entries(values)) if (typeof value === 'object' && value !== null) delete values[name];
  return { key, values };
}

/** What the host (or the browser) said in its own words, for support: shown folded, never as the message. */
export function hostWords(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : (error as ThrownError | null)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** Turns a thrown error into a notice, with the host's code when it has one and each refusal problem in words. */
export function notifyError(error: unknown): void {
  const { key, values } = errorMessage(error);
  const problems = sealProblemDetails(error);
  const app = useAppStore.getState();
  // "The host does not answer" while the link is down is about that state: it goes when the host is back.
  if (isPosErrorCode(error, 'HOST_UNAVAILABLE') && app.connection !== 'connected')
    return app.notifyWhile('host-unreachable', 'error', key, values, hostWords(error));
  // A refusal's problems carry their own words; the summary would only repeat them.
  app.notify('error', key, values, problems, problems.length > 0 ? undefined : hostWords(error));
}

function isPosErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as ThrownError).code === code;
}
