import type { HostNoticeCode, DeviceValues } from '../devices/device-messages';
import type { ErrorEnvelope } from '../errors/pos-error';
import type { SealedRecord, SealRequest } from '../fiscal/chain';
import type { FiscalChain, RecordProblem } from '../fiscal/events';
import type { TerminalProgress } from '../payment/terminal-progress';
import type { StoreProfile } from '../store/store-profile';
import type { ArchiveContract, ArchiveProgress } from './archive-contract';
import type { CashContract } from './cash-contract';
import type { CustomerContract } from './customer-contract';
import type { CouponContract } from './coupon-contract';
import type { Method } from './contract-method';
import type { CustomerDisplayState, DeviceContract, DeviceStatusView, PrinterStatus, PrintOutcome, ScanEvent } from './device-contract';
import type { HubContract, HubStatus, SyncStreamMessage } from './hub-contract';
import type { LoyaltyContract } from './loyalty-contract';
import type { LedgerContract } from './ledger-contract';
import type { PaymentContract, TerminalAlertView } from './payment-contract';
import type { ReturnContract } from './return-contract';
import type { StaffContract } from './staff-contract';
import type { VoucherContract } from './voucher-contract';

/** What the host tells the page first: who the till is, its chains' heads, whether it may seal. */
export type HostHello = {
  readonly appVersion: string;
  readonly storeId: string;
  readonly tillId: string;
  readonly mode: 'electron' | 'browser';
  readonly publicKey: string;
  readonly keyId: string;
  /** Head of each chain in the host journal, so the renderer knows what it must restore. */
  readonly heads: Readonly<Record<FiscalChain, number>>;
  readonly fiscal: FiscalStatus;
  /** The till has no staff yet: the first manager must be set up (staff.setup) before anything else. */
  readonly needsSetup: boolean;
};

/**
 * Whether the host may seal. "stopped": its journal was found damaged at open, or a write
 * failed and could not be undone; nothing is sealed until support restores the journal, and
 * `problems` name the records (a manager is told in words which one).
 */
export type FiscalStatus =
  | { readonly state: 'ok' }
  | { readonly state: 'stopped'; readonly reason: 'journal-damaged' | 'write-failed'; readonly problems: readonly RecordProblem[] };

export type ReprintResult = {
  /** The DUPLICATA's number for this sale (1, 2…). */
  readonly reprintNumber: number;
  /** Its record on the duplicate chain, sealed before it printed. */
  readonly event: SealedRecord<'duplicate'>;
  readonly outcome: PrintOutcome;
};

/**
 * Training mode at the till: when on, every sale is fictitious (training chain, "MODE ÉCOLE" on the
 * ticket), counted nowhere. `since` and `approvedBy` come from the training.start event.
 */
export type TrainingState =
  { readonly on: false } | { readonly on: true; readonly since: string; readonly staffId: string; readonly approvedBy: string };

/**
 * The one contract between the renderer and the till host. Electron's preload, ipcMain relay and
 * the browser-mode socket are all derived from it: a method missing here does not exist anywhere.
 * The till's own and fiscal methods are here; each other area's are in its *-contract.ts beside it.
 */
export type HostContract = {
  'host.hello': Method<void, HostHello>;
  'store.profile': Method<void, StoreProfile>;
  'fiscal.seal': Method<SealRequest, SealedRecord>;
  /**
   * A manager replaces the till's signing key (suspected leak, policy): the new key is endorsed by
   * the old in a sealed key.rotate record, which the hub follows when it verifies the chains.
   */
  'fiscal.rotateKey': Method<void, { readonly keyId: string; readonly publicKey: string; readonly record: SealedRecord<'event'> }>;
  'journal.read': Method<
    { readonly chain: FiscalChain; readonly afterSeq: number; readonly limit: number },
    { readonly records: readonly SealedRecord[]; readonly headSeq: number }
  >;
  'receipt.print': Method<{ readonly saleId: string }, PrintOutcome>;
  'receipt.reprint': Method<{ readonly saleId: string }, ReprintResult>;
  /** Whether training mode ("mode école") is on at this till, since when and who allowed it. */
  'training.state': Method<void, TrainingState>;
  /**
   * A manager (the signed-in one, or another's PIN) starts or stops training mode; sealed on the
   * event chain (training.start / training.stop). While on, sales are sealed on the training chain.
   */
  'training.set': Method<{ readonly on: boolean; readonly managerPin?: string }, TrainingState>;
} & StaffContract &
  LoyaltyContract &
  DeviceContract &
  PaymentContract &
  HubContract &
  CashContract &
  ReturnContract &
  ArchiveContract &
  CustomerContract &
  CouponContract &
  LedgerContract &
  VoucherContract;

export type HostEvents = {
  'printer.status': PrinterStatus;
  'hub.status': HubStatus;
  'sync.stream': SyncStreamMessage;
  /** `while`: the notice is about a state the till sees too (the drawer open): it leaves the screen when that state ends. */
  /** `code` and `values` make the sentence the page shows; `message` is the host's words, for support. */
  'host.notice': {
    readonly level: 'info' | 'warning' | 'error';
    readonly code?: HostNoticeCode;
    readonly values?: DeviceValues;
    readonly message: string;
    readonly while?: 'drawer-open';
  };
  'device.status': DeviceStatusView;
  'scanner.scan': ScanEvent;
  'terminal.alert': TerminalAlertView;
  /** A card attempt while the terminal works on it: what it asks the customer, and when it is done. */
  'terminal.progress': TerminalProgress;
  'display.state': CustomerDisplayState;
  /** The store's settings changed at the hub: the renderer sells with them from now on, as the host does. */
  'store.profile': StoreProfile;
  'fiscal.status': FiscalStatus;
  /** An archive of the journal being written (archive.create): the progress bar's figures. */
  'archive.progress': ArchiveProgress;
};

export type MethodName = keyof HostContract;
export type EventName = keyof HostEvents;
export type RequestOf<K extends MethodName> = HostContract[K]['req'];
export type ResponseOf<K extends MethodName> = HostContract[K]['res'];

/** Runtime allow-lists: `satisfies` makes the compiler reject a name missing from, or foreign to, the contract. */
const METHODS = {
  'host.hello': true,
  'store.profile': true,
  'staff.list': true,
  'session.current': true,
  'session.signIn': true,
  'staff.lockouts': true,
  'staff.unlock': true,
  'session.signOut': true,
  'staff.setup': true,
  'approval.request': true,
  'catalog.pull': true,
  'fiscal.seal': true,
  'fiscal.rotateKey': true,
  'journal.read': true,
  'receipt.print': true,
  'receipt.reprint': true,
  'drawer.openForSale': true,
  'printer.status': true,
  'terminal.pay': true,
  'terminal.status': true,
  'terminal.refund': true,
  'terminal.reconcile': true,
  'devices.list': true,
  'devices.configure': true,
  'devices.test': true,
  'drawer.open': true,
  'training.state': true,
  'training.set': true,
  'scale.read': true,
  'display.show': true,
  'hub.status': true,
  'hub.enroll': true,
  'sync.pull': true,
  'sync.push': true,
  'cash.state': true,
  'cash.open': true,
  'cash.move': true,
  'cash.x': true,
  'cash.printX': true,
  'cash.count': true,
  'cash.close': true,
  'closing.print': true,
  'closing.pdf': true,
  'closing.run': true,
  'closing.list': true,
  'sale.lookup': true,
  'archive.create': true,
  'archive.download': true,
  'customers.search': true,
  'customers.create': true,
  'customers.history': true,
  'customers.points': true,
  'customers.walletCard': true,
  'loyalty.program': true,
  'ledger.lookupCard': true,
  'ledger.reserveCard': true,
  'ledger.release': true,
  'ledger.memberPoints': true,
  'ledger.reservePoints': true,
  'coupons.reserve': true,
  'coupons.release': true,
  'vouchers.ready': true,
  'vouchers.lookup': true,
  'vouchers.issue': true,
} as const satisfies Record<MethodName, true>;

const EVENTS = {
  'printer.status': true,
  'host.notice': true,
  'hub.status': true,
  'sync.stream': true,
  'device.status': true,
  'scanner.scan': true,
  'terminal.alert': true,
  'terminal.progress': true,
  'display.state': true,
  'store.profile': true,
  'fiscal.status': true,
  'archive.progress': true,
} as const satisfies Record<EventName, true>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENTS, name);
}

/** The IPC channels the Electron relay uses; nothing else is ever sent between the processes. */
export const IPC_INVOKE_CHANNEL = 'pos:invoke';
export const IPC_EVENT_CHANNEL = 'pos:event';

export type InvokeReply<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorEnvelope };

/** The shape both bridges give the renderer. */
export type HostApi = {
  invoke<K extends MethodName>(name: K, ...req: RequestOf<K> extends void ? [] : [RequestOf<K>]): Promise<ResponseOf<K>>;
  on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};

/**
 * What Electron's preload exposes as `window.pos`. `on` is HostApi's; `invoke` resolves with the
 * host's envelope rather than the bare value, because an Error crossing the context bridge keeps
 * only its message: renderer/src/bridge turns `{ ok: false, error }` back into a typed PosError.
 */
export type PreloadApi = {
  invoke<K extends MethodName>(name: K, ...req: RequestOf<K> extends void ? [] : [RequestOf<K>]): Promise<InvokeReply<ResponseOf<K>>>;
  on: HostApi['on'];
};
