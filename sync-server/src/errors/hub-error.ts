import type { AdminErrorCode } from '@pos/core/sync/head-office-api';
import type { SyncErrorBody, SyncErrorCode } from '@pos/core';
import type { CouponErrorCode } from '../coupons/coupon-errors';
import type { LedgerErrorCode } from '../ledgers/ledger-errors';
import type { CustomerErrorCode } from '../customers/customer-errors';
import type { SignupErrorCode } from '../signup/signup-errors';
import type { WalletErrorCode } from '../wallet/wallet-error';

/** The back office's refusals (sign-in, session, CSRF, access by role and store). */
export type OfficeErrorCode =
  | 'forbidden'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'csrf_rejected'
  | 'password_change_required'
  | 'totp_enrollment_required'
  | 'invalid_user'
  | 'weak_password'
  | 'invalid_api_key'
  | 'too_many_api_keys';

export type HubErrorCode =
  | SyncErrorCode
  | AdminErrorCode
  | OfficeErrorCode
  | LedgerErrorCode
  | CouponErrorCode
  | CustomerErrorCode
  | SignupErrorCode
  | WalletErrorCode;

/**
 * A refusal with its HTTP status, a stable code and words for the person who reads it on a till
 * or in a terminal. Anything else thrown is an internal error (500, details in the log only).
 * `details` adds fields to the body where a list helps fix the input (row errors of an import).
 */
export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }

  body(): SyncErrorBody & Record<string, unknown> {
    return { ...this.details, error: this.code, message: this.message };
  }
}
