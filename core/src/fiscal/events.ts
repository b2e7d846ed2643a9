import type { CashSessionPayload } from '../cash/cash-session-payloads';
import type { ArchiveExportPayload } from './archive/archive-event';
import type { PeriodClosingPayload } from '../closing/period-closing';
import type { ZClosingPayload } from '../closing/z-closing';
import type { SalePayload, SalePayloadV1 } from '../sale/sale';
import type { SettingChange } from '../store/fiscal-settings';

/**
 * The chains of a till, each with its own gap-free sequence (NF525: tickets, events, duplicates,
 * closings, and the fictitious tickets of training mode, which never touch the sale chain).
 */
export const FISCAL_CHAINS = ['sale', 'event', 'duplicate', 'closing', 'training'] as const;

export type FiscalChain = (typeof FISCAL_CHAINS)[number];

export function isFiscalChain(value: unknown): value is FiscalChain {
  return typeof value === 'string' && (FISCAL_CHAINS as readonly string[]).includes(value);
}

/** Where a chain stood: its last sequence number and that record's hash. */
export type ChainHead = { readonly seq: number; readonly hash: string };

/** Every chain's head; a chain with no record yet is absent. */
export type ChainHeads = Readonly<Partial<Record<FiscalChain, ChainHead>>>;

/** A problem found in a journal or a chain, named by its record; `code` is stable, `problem` is words. */
export type RecordProblem = {
  readonly chain: FiscalChain | string;
  readonly seq: number;
  readonly id: string;
  readonly code: string;
  readonly problem: string;
};

/**
 * Technical events of the till (the "JET" of NF525): sealed on their own chain so receipt numbers
 * stay gap-free on the sale chain.
 */
export type EventPayload =
  /** A cash session: its opening, movements, blind count and close (core/src/cash). */
  | CashSessionPayload
  /** The till archived its own journal for a period (JET 20, 30 for a fiscal year): core/src/fiscal/archive/archive-event.ts. */
  | ArchiveExportPayload
  /**
   * Each start of the till host: the version that seals, the key it signs with, and the head of
   * every chain before this start, so a chain whose tail was dropped is caught by the next anchor.
   */
  | { readonly type: 'till.start'; readonly appVersion: string; readonly publicKey?: string; readonly heads?: ChainHeads }
  | { readonly type: 'session.sign-in'; readonly staffId: string }
  | { readonly type: 'session.sign-out'; readonly staffId: string }
  /** Too many wrong PINs: this person cannot sign in until the lock ends or a manager lifts it. */
  | { readonly type: 'staff.locked'; readonly staffId: string }
  | { readonly type: 'staff.unlock'; readonly staffId: string; readonly unlockedBy: string }
  | {
      readonly type: 'sale.void';
      readonly saleId: string;
      /** Who asked (the signed-in cashier). */
      readonly staffId: string;
      readonly lineCount: number;
      readonly total: number;
      readonly currency: string;
      readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly amount: number }[];
      /** The approval the host issued for the void (absent only in records sealed before approvals). */
      readonly approvalId?: string;
      readonly approvedBy?: string;
    }
  /** Journals before the duplicate chain numbered reprints on the event chain; kept readable. */
  | {
      readonly type: 'receipt.reprint';
      readonly saleId: string;
      readonly receiptSeq: number;
      readonly reprintNumber: number;
      readonly staffId: string;
    }
  | { readonly type: 'journal.repaired'; readonly segment: string; readonly droppedBytes: number }
  /**
   * The host found its journal damaged at open (a record edited, missing, or not signed by this
   * till): sealing stops after this event until support restores the journal.
   */
  | { readonly type: 'journal.integrity'; readonly problemCount: number; readonly problems: readonly RecordProblem[] }
  /** "No sale": the drawer opened outside a sale, by whom and who approved it. */
  | {
      readonly type: 'drawer.open';
      readonly staffId: string;
      readonly approvedBy: string;
      readonly reason: string;
      readonly approvalId?: string;
    }
  /** The card terminal answered late, twice, or offline beyond the caps (amount in minor units; no card data). */
  | {
      readonly type: 'terminal.alert';
      readonly kind: string;
      readonly attemptKey: string;
      readonly status: string;
      readonly amount: number;
    }
  /** The Devices screen changed the till's devices (which sections). */
  | { readonly type: 'devices.configure'; readonly staffId: string; readonly sections: readonly string[] }
  /**
   * The till signs with a new key from the next record on. Sealed (and so signed) by the old key,
   * which also endorses the new public key: a verifier who trusts the old key trusts the new one.
   */
  | {
      readonly type: 'key.rotate';
      readonly previousKeyId: string;
      readonly publicKey: string;
      readonly keyId: string;
      /** Ed25519 signature (hex) by the old key of the rotation message (docs/fiscal.md). */
      readonly endorsement: string;
    }
  /** A card refund, sealed before the terminal is asked: the original sale, the amount, who approved. */
  | {
      readonly type: 'refund.request';
      readonly attemptKey: string;
      readonly saleId: string;
      readonly amount: number;
      readonly currency: string;
      readonly staffId: string;
      readonly approvalId: string;
      readonly approvedBy: string;
    }
  /** What the terminal answered to a refund (or "unknown" when it did not). */
  | { readonly type: 'refund.result'; readonly attemptKey: string; readonly status: string; readonly amount: number }
  /** The first manager of a till that started with no staff (before staff come from the hub). */
  | { readonly type: 'staff.setup'; readonly staffId: string; readonly role: string }
  /**
   * A person's rights changed at this till (JET 130): the role and permissions the till applies
   * from now on, as head office set them at the hub; no permission left when the person was disabled
   * or removed.
   */
  | {
      readonly type: 'staff.rights';
      readonly staffId: string;
      readonly role: string;
      readonly permissions?: readonly string[];
      readonly changedBy: 'hub';
    }
  /**
   * Training mode ("mode école") started or stopped at this till: by whom (the signed-in person) and
   * the manager who allowed it (the same person when a manager). While on, sales are sealed on the
   * training chain, never on the sale chain.
   */
  | { readonly type: 'training.start' | 'training.stop'; readonly staffId: string; readonly approvedBy: string }
  /** The till host stopped cleanly (JET 40): sealed before its journal closes; a killed host seals nothing. */
  | { readonly type: 'till.stop' }
  /** The hub unreachable beyond the host's debounce (JET 70): since when; sealed once per outage. */
  | { readonly type: 'hub.offline'; readonly since: string }
  /** The hub reached again after a `hub.offline` (JET 120): since when it was offline and for how long. */
  | { readonly type: 'hub.online'; readonly offlineSince: string; readonly offlineMs: number }
  /** The till started with another app version than its last start (JET 250). */
  | { readonly type: 'app.version'; readonly from: string; readonly to: string }
  /**
   * Store settings that matter fiscally changed (JET 270), sealed before they are in force: which
   * ones and their values (core/src/store/fiscal-settings.ts), and the fingerprint of all of them after.
   */
  | {
      readonly type: 'settings.change';
      readonly source: 'hub' | 'local';
      readonly changes: readonly SettingChange[];
      readonly settings: string;
    }
  /** Data left the till as a file (JET 110): what, by whom, and which sealed records it holds. */
  | {
      readonly type: 'data.export';
      readonly what: string;
      readonly format: string;
      readonly staffId: string;
      readonly records: readonly { readonly chain: FiscalChain; readonly seq: number; readonly id: string }[];
    };

/** A printed copy of a receipt after the original: numbered per sale, sealed before it prints. */
export type DuplicatePayload = {
  readonly type: 'duplicate';
  readonly saleId: string;
  /** The sale's sequence number on the sale chain (its receipt number). */
  readonly receiptSeq: number;
  /** 1 for the first duplicate of this sale, then 2, 3… */
  readonly duplicateNumber: number;
  readonly staffId: string;
};

/** The closing chain: Z reports of cash sessions and the fiscal closings of a day, a month, a fiscal year. */
export type ClosingPayload = ZClosingPayload | PeriodClosingPayload;

/**
 * A sale of training mode: a version 1 sale document marked `training`, on the training chain. It
 * is printed "MODE ÉCOLE" and never counted: no stock, totals, closings or head-office figures.
 */
export type TrainingPayload = SalePayloadV1 & { readonly training: true };

type ChainPayloads = {
  readonly sale: SalePayload;
  readonly event: EventPayload;
  readonly duplicate: DuplicatePayload;
  readonly closing: ClosingPayload;
  readonly training: TrainingPayload;
};

export type RecordPayload = ChainPayloads[FiscalChain];

export type PayloadOf<C extends FiscalChain> = ChainPayloads[C];
