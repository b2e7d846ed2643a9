import type { ErrorReason } from './error-reasons';

export * from './error-reasons';

/**
 * Errors that cross the host ⇄ renderer boundary. The code (and its finer `details.reason`) is
 * stable and the page translates it; the English message is for logs and for support only.
 */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'WRONG_PIN',
  'PIN_LOCKED',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'NOT_FOUND',
  'SEAL_CONFLICT',
  /** The host refused to seal: details.problems lists { code, message } (SaleProblemCode). */
  'SEAL_REFUSED',
  /** The journal is damaged or could not be written: nothing is sealed until support restores it. */
  'SEALING_STOPPED',
  /** The till has no staff yet: a first manager must be set up. */
  'SETUP_REQUIRED',
  /** The original receipt was already printed: any other copy is a DUPLICATA. */
  'RECEIPT_ALREADY_PRINTED',
  'HOST_UNAVAILABLE',
  'HUB_UNREACHABLE',
  'HUB_REFUSED',
  'NOT_ENROLLED',
  'TIMEOUT',
  'CARD_OFFLINE_LIMIT',
  /** The card terminal is still working on this attempt: nobody may settle it by hand yet. */
  'TERMINAL_BUSY',
  /** sale.lookup: no sale of this store this till holds for the code (details.reason says why). */
  'SALE_NOT_FOUND',
  'DEVICE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorEnvelope = { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };

/** Values the page may put in its sentence (seconds, a name, a count), and the finer reason when there is one. */
export type ErrorDetails = { readonly reason?: ErrorReason } & Readonly<Record<string, unknown>>;

export class PosError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'PosError';
  }

  toEnvelope(): ErrorEnvelope {
    return { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Rebuilds a PosError from an envelope received over IPC or the socket. */
export function fromEnvelope(envelope: unknown): PosError {
  if (typeof envelope === 'object' && envelope !== null) {
    const e = envelope as Record<string, unknown>;
    const code = isErrorCode(e.code) ? e.code : 'INTERNAL';
    const message = typeof e.message === 'string' ? e.message : 'Unexpected error';
    const details = typeof e.details === 'object' && e.details !== null ? (e.details as ErrorDetails) : undefined;
    return new PosError(code, message, details);
  }
  return new PosError('INTERNAL', 'Unexpected error');
}

export function toEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof PosError) return error.toEnvelope();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
