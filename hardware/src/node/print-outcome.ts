import type { PrintOutcome } from '@pos/core';

type FailReason = Extract<PrintOutcome, { status: 'failed' }>['reason'];

export function sent(bytes: number): PrintOutcome {
  return { status: 'sent', bytes };
}

export function failed(reason: FailReason, message: string): PrintOutcome {
  return { status: 'failed', reason, message };
}

/** "3 s", "0.25 s": timeouts in messages a cashier may read. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
