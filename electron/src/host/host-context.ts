import type { StoreProfile } from '@pos/core';
import type { ApprovalBook } from './approvals/approval-book';
import type { PromotionBook } from './catalog/promotion-book';
import type { LoyaltyBook } from './catalog/loyalty-book';
import type { SealGate } from './fiscal/seal-gate';
import type { SealedIndex } from './fiscal/sealed-index';
import type { CashIndex } from './cash/cash-index';
import type { OncePerSale } from './printer/once-per-sale';
import type { HostConfig } from './config/host-config';
import type { DeviceManager } from './devices/device-manager';
import type { JournaledTerminal } from './terminal/journaled-terminal';
import type { JournalStore } from './fiscal/journal-store';
import type { ReservationBook } from './ledgers/reservation-book';
import type { CouponBook } from './coupons/coupon-book';
import type { TillKey } from './fiscal/key-store';
import type { Sealer } from './fiscal/sealer';
import type { HostEventBus } from './host-events';
import type { HubClient } from './hub/hub-client';
import type { SecretProtector } from './hub/hub-credentials';
import type { StaffPull } from './hub/staff-sync';
import type { ReceiptPrinter } from './printer/receipt-printer';
import type { Session } from './session/session';
import type { StaffStore } from './session/staff-store';

/** Everything the handlers share; built once by createTillHost. */
export type HostContext = {
  readonly appVersion: string;
  readonly dataDir: string;
  /** The OS keychain, where the shell gives one (the signing key and the device token are kept through it). */
  readonly secretProtector: SecretProtector | undefined;
  readonly mode: 'electron' | 'browser';
  readonly config: HostConfig;
  /** Replaced when the hub sends new store settings. */
  profile: StoreProfile;
  /** The key the host started with; the one it signs with now is `sealer.key` (a rotation replaces it). */
  readonly key: TillKey;
  readonly journal: JournalStore;
  readonly sealer: Sealer;
  /** What the journal already holds that decides what may be sealed next (approvals, card attempts, voids, duplicates). */
  readonly index: SealedIndex;
  /** The cash session and the closings, as the journal holds them. */
  readonly cash: CashIndex;
  /** The approvals this host issued. */
  readonly approvals: ApprovalBook;
  /** The promotions the hub sent through this host: every sale is priced again with them before it is sealed. */
  /** The gift card and store credit reservations this host obtained from the hub (ledgers/). */
  readonly reservations: ReservationBook;
  /** The coupon codes this host holds for open sales (coupons/): every coupon discount is checked against them before it is sealed. */
  readonly coupons: CouponBook;
  readonly promotions: PromotionBook;
  /** The loyalty programs the hub sent through this host: a sale's earn is checked against them before it is sealed. */
  readonly loyalty: LoyaltyBook;
  /** Check-then-seal requests, one at a time. */
  readonly sealGate: SealGate;
  /** Receipt prints, one at a time (never holding up sealing). */
  readonly receiptGate: SealGate;
  /** Which original receipts were printed. */
  readonly originals: OncePerSale;
  /** Which cash sales' drawers were opened. */
  readonly drawerKicks: OncePerSale;
  /** The demo store (demo staff): false on a real till. */
  readonly demo: boolean;
  readonly staff: StaffStore;
  readonly session: Session;
  readonly printer: ReceiptPrinter;
  /** The terminal behind its payment journal. */
  readonly terminal: JournaledTerminal;
  /** The scanner, scale, displays and the terminal's driver, and the Devices screen's work. */
  readonly devices: DeviceManager;
  readonly events: HostEventBus;
  readonly hub: HubClient;
  /** Pulls what the host itself keeps from the hub (the store's settings, its staff); never throws. */
  refreshFromHub(): Promise<void>;
  /** Pulls the store's staff from the hub now (also every STAFF_PULL_MS while enrolled); throws when offline or refused. */
  refreshStaffFromHub(): Promise<StaffPull>;
};
