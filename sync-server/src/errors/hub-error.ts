import type { SyncErrorBody, SyncErrorCode } from '@pos/core';

/**
 * A refusal with its HTTP status, a stable code and words for the person who reads it on a till
 * or in a terminal. Anything else thrown is an internal error (500, details in the log only).
 */
export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }

  body(): SyncErrorBody {
    return { error: this.code, message: this.message };
  }
}
