/**
 * Finer causes under an ErrorCode, for refusals a person can act on: the page says each in its
 * own sentence (`errors.reason.<reason>`), with the values the host gives (`details`). The
 * host's English `message` stays a detail for support, never what the cashier reads.
 */
export const ERROR_REASONS = [
  /** A PIN is 4 to 6 digits. */
  'pin-format',
  /** 0000, 1234, 4321…: refused for a new PIN. */
  'pin-guessable',
  /** staff.setup on a till that has staff already. */
  'staff-exists',
  'name-blank',
  /** A receipt or a refund for a sale this till did not seal. */
  'sale-not-found',
  /** SALE_NOT_FOUND: the receipt names another till of the store; offline, a till finds only its own sales. values: { store, till } */
  'other-till',
  /** SALE_NOT_FOUND: the receipt is another store's. values: { store } */
  'other-store',
  /** SALE_NOT_FOUND: what was typed or scanned is neither a receipt code nor a receipt's QR code. */
  'receipt-unreadable',
  /** SALE_NOT_FOUND: the receipt is a return's: a return is not returned again. */
  'is-return',
  /** SALE_NOT_FOUND: a training ticket (mode école): a fictitious sale, nothing to refund. */
  'is-training',
  /** A sign-in or unlock for a staff id this till does not know. */
  'unknown-staff',
  /** Head office disabled this person: they cannot sign in or approve at any till of the store. */
  'staff-disabled',
  /** The till's staff come from the hub: the first manager is not set up on the till. */
  'staff-from-hub',
  /** The signed-in person may not do this alone: an approver's PIN is needed. */
  'approver-needed',
  /** The PIN typed is right but its owner may not approve this. values: { name } */
  'approver-not-allowed',
  /** Only a manager may do this (enroll, configure devices, rotate the key). */
  'manager-only',
  /** Unlocking a person takes a manager's PIN. */
  'unlock-needs-manager',
  /** A manager cannot unlock themselves: another manager does. */
  'unlock-self',
  'unknown-action',
  /** The hub address typed is not a web address. */
  'hub-address',
  /** The hub refused an enrollment code: unknown, already used, expired, or not shaped like one. */
  'enroll-code-unknown',
  'enroll-code-used',
  'enroll-code-expired',
  'enroll-code-format',
  /** The till could not prove it holds the key it registers (enroll again from the till itself). */
  'enroll-key-proof',
  /** The enrollment code was made for another till. values: { till, store } */
  'enroll-other-till',
  /** The hub's certificate authority file cannot be read. */
  'hub-certificate',
  /** A device setting was refused (the address, port or value is not valid). */
  'device-settings',
  /** The new signing key was not endorsed by the current one. */
  'key-not-endorsed',
  /** SEALING_STOPPED: the journal was found damaged at open (FiscalStatus reason). */
  'journal-damaged',
  /** SEALING_STOPPED: a journal write failed and could not be undone. */
  'write-failed',
  /** archive.create: the period is not two dates, or longer than twelve months. values: { from, to } */
  'archive-period',
  /** archive.create: this till is already writing an archive. */
  'archive-busy',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}
