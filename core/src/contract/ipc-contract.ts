import type { Product } from '../catalog/product';
import type { DeviceListError, DeviceTestOutcome, DeviceValues, HostNoticeCode } from '../devices/device-messages';
import type { DeviceSettings, DeviceSettingsPatch, PrinterSettings } from '../devices/device-settings';
import type { ErrorEnvelope } from '../errors/pos-error';
import type { ApprovalAction, ApprovalRef, ApprovalSubject } from '../approval/approval';
import type { SealedRecord, SealRequest } from '../fiscal/chain';
import type { FiscalChain, RecordProblem } from '../fiscal/events';
import type { CardOutcome } from '../payment/tender';
import type { ArchiveContract, ArchiveProgress } from './archive-contract';
import type { CashContract } from './cash-contract';
import type { ReturnContract } from './return-contract';
import type { CardFailure, TerminalProgress } from '../payment/terminal-progress';
import type { StaffMember } from '../staff/permissions';
import type { StoreProfile } from '../store/store-profile';
import type { SyncCollectionName } from '../sync/collections';
import type { PriceListDoc } from '../sync/head-office-price-lists';
import type { PullResponse, PushResponse, PushRow, StreamEvent, SyncCheckpoint } from '../sync/sync-protocol';

/**
 * The one contract between the renderer and the till host. Electron's preload, ipcMain relay and
 * the browser-mode socket are all derived from it: a method missing here does not exist anywhere.
 */
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

/** A permission-gated action: the approver's PIN (none when the signed-in person holds the permission) and what exactly is approved. */
export type ApprovalRequest = { readonly action: ApprovalAction; readonly pin?: string; readonly subject: ApprovalSubject };

export type ApprovalGrant = ApprovalRef & { readonly approverName: string };

/** A person locked out by wrong PINs, and for how long still (the host decides; the screen counts down). */
export type StaffLockout = { readonly staffId: string; readonly secondsLeft: number };

export type CatalogPage = {
  /** Where the catalog comes from ("demo", or the hub's address): a new source means a fresh import. */
  readonly source: string;
  readonly products: readonly Product[];
  /** Products withdrawn from the catalog since the last page (tombstones): removed from the till. */
  readonly deletedIds: readonly string[];
  /** Price lists written since the last page, each whole: its entries replace the list's on the till. */
  readonly priceLists?: readonly PriceListDoc[];
  /** Price lists deleted since the last page (tombstones): their entries are removed from the till. */
  readonly deletedPriceListIds?: readonly string[];
  /** Opaque; pass it back to get the next page. Null when the source has nothing yet. */
  readonly checkpoint: string | null;
  /** Changes still to fetch after this page: with what was imported, the progress bar's total. */
  readonly remaining: number;
  readonly done: boolean;
};

export type PrinterState = 'ready' | 'offline' | 'error' | 'none';

/** What a printer's status bytes (DLE EOT, automatic status back) report, shown to the cashier. */
export type PrinterCondition = 'paper-near-end' | 'paper-end' | 'cover-open' | 'offline' | 'drawer-open' | 'error';

export type PrinterStatus = {
  readonly state: PrinterState;
  /** Conditions the printer reported; absent when it reports none or cannot be asked. */
  readonly conditions?: readonly PrinterCondition[];
  readonly target: string;
  readonly message?: string;
  readonly checkedAt: string;
};

/** "sent" is all a plain TCP/file printer can tell: bytes written, not proof of paper. */
export type PrintOutcome =
  | { readonly status: 'sent' | 'printed'; readonly bytes: number }
  | { readonly status: 'failed'; readonly reason: 'unreachable' | 'timeout' | 'io' | 'no-printer'; readonly message: string };

/**
 * A cash sale's drawer kick (drawer.openForSale), sent once per sale whether or not a receipt
 * prints. `failed`: the kick may not have reached the drawer, the cashier opens it with the key.
 */
export type SaleDrawerResult =
  { readonly status: 'opened' | 'not-due' | 'already-opened' } | Extract<PrintOutcome, { readonly status: 'failed' }>;

export type CardResult = {
  readonly attemptKey: string;
  readonly status: CardOutcome;
  readonly amount: number;
  readonly authorizationCode?: string;
  readonly maskedPan?: string;
  readonly scheme?: string;
  readonly message?: string;
  /** Approved by the terminal offline (store-and-forward): the bank has not seen it yet. */
  readonly offline?: boolean;
  /** Which protocol and terminal answered ("caisse-ap", "concert", "zvt", "simulated"). */
  readonly terminal?: string;
  /** Why it was declined or stays unknown, as a code the till translates (`message` is the driver's words, for logs). */
  readonly failure?: CardFailure;
};

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

/** A card refund: the original sale it refunds, and the approval when the signed-in person may not refund. */
export type RefundRequest = {
  readonly attemptKey: string;
  readonly amount: number;
  readonly currency: string;
  readonly saleId: string;
  readonly approvalId?: string;
};

/** The till's link to the hub, as the host sees it (the device token never leaves the host). */
export type HubStatus = {
  readonly enrolled: boolean;
  readonly hubUrl: string | null;
  readonly storeId: string;
  readonly tillId: string;
  /** The last request to the hub succeeded. */
  readonly online: boolean;
  readonly lastSyncAt: string | null;
  readonly lastError: string | null;
};

export type DeviceRole = 'printer' | 'drawer' | 'scanner' | 'scale' | 'terminal' | 'pole-display' | 'customer-display';

/** One device's live status, in words a manager can act on. `off`: not configured. */
export const DEVICE_LABEL_CODES = [
  'keyboard-wedge',
  'no-scale',
  'no-pole-display',
  'drawer-on-printer',
  'customer-window',
  'off',
  'hid-scanner',
  'hid-scanner-at',
  'serial-scanner',
  'scale-at',
  'pole-display-at',
  'terminal-at',
  'simulated-terminal',
] as const;
export type DeviceLabelCode = (typeof DEVICE_LABEL_CODES)[number];
/** A device named by a label code and its values (a model, a port, an address), worded by the page. */
export type DeviceLabelWords = { readonly labelCode: DeviceLabelCode; readonly labelValues?: Readonly<Record<string, string | number>> };

export type DeviceStatusView = {
  readonly role: DeviceRole;
  readonly state: 'ready' | 'busy' | 'opening' | 'disconnected' | 'error' | 'off';
  /** What it is ("Honeywell HID POS scanner on /dev/hidraw2", "ZVT terminal 10.0.0.5:20007"). */
  readonly label: string;
  /**
   * When the host describes it in its own words (no device, the wedge, the drawer's pin): a code the
   * page words in its language, `label` staying as the English for support.
   */
  readonly labelCode?: DeviceLabelCode;
  readonly labelValues?: Readonly<Record<string, string | number>>;
  /** The problem and its fix, when there is one. */
  readonly message?: string;
};

export type SerialPortInfo = {
  readonly path: string;
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
};

export type HidDeviceInfo = {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  /** The vendor profile's name, or "unknown". */
  readonly vendor: string;
  /** Speaks the HID Point of Sale usage page (0x8C): a scanner the till can read without keyboard emulation. */
  readonly hidPos: boolean;
};

export type DeviceInventory = {
  readonly serialPorts: readonly SerialPortInfo[];
  readonly hidDevices: readonly HidDeviceInfo[];
  readonly settings: DeviceSettings & { readonly printer: PrinterSettings };
  readonly printerProfiles: readonly { readonly id: string; readonly label: string }[];
  readonly statuses: readonly DeviceStatusView[];
  /** Why a list could not be read ("serial ports: udev is missing …"). */
  readonly listErrors: readonly DeviceListError[];
};

export type DeviceTest = 'print' | 'drawer' | 'scan' | 'scale' | 'payment' | 'pole-display';

export type DeviceTestResult = {
  readonly ok: boolean;
  /** What happened, said by the page in its language with `values`; `message` is the host's words, for support. */
  readonly outcome?: DeviceTestOutcome;
  readonly values?: DeviceValues;
  readonly message: string;
  readonly card?: CardResult;
  readonly grams?: number;
  readonly code?: string;
};

export type ScaleReading =
  | { readonly ok: true; readonly grams: number }
  | {
      readonly ok: false;
      readonly reason: 'unstable' | 'zero' | 'negative' | 'over-capacity' | 'no-scale' | 'error';
      readonly message: string;
    };

/** A code read by a scanner the host drives (HID POS or serial); wedge scans stay in the renderer. */
export type ScanEvent = { readonly code: string; readonly source: 'hid-pos' | 'serial'; readonly aim?: string };

/** What the customer sees, on the second window and the pole display. */
export type CustomerDisplayState = {
  readonly phase: 'idle' | 'sale' | 'paid';
  readonly currency: string;
  /** The last lines added (newest last). */
  readonly lines: readonly { readonly name: string; readonly quantity: number; readonly amount: number }[];
  readonly total: number;
  readonly change?: number;
  /** Idle: where a customer signs up for the loyalty programme (shown as a QR code). */
  readonly loyaltyUrl?: string;
  /** Paid: the link to this sale's digital receipt (shown as a QR code the customer scans). */
  readonly receiptUrl?: string;
};

/** A card terminal event the cashier and the manager must see (late approval, double answer, offline cap). */
export type TerminalAlertView = {
  readonly kind: 'late-approval' | 'late-decline' | 'duplicate-answer' | 'unknown-attempt' | 'offline-over-cap';
  readonly attemptKey: string;
  readonly message: string;
  readonly status: CardOutcome;
  readonly amount: number;
};

export type SyncStreamMessage = { readonly collection: SyncCollectionName; readonly event: StreamEvent | 'RESYNC' };

type Method<Req, Res> = { readonly req: Req; readonly res: Res };

export type HostContract = {
  'host.hello': Method<void, HostHello>;
  'store.profile': Method<void, StoreProfile>;
  'staff.list': Method<void, readonly StaffMember[]>;
  'session.current': Method<void, StaffMember | null>;
  /** The person chosen on the screen and their PIN: a wrong PIN counts against that person only. */
  'session.signIn': Method<{ readonly staffId: string; readonly pin: string }, StaffMember>;
  /** Who is locked out now (staff.list says who may sign in; this says who must wait). */
  'staff.lockouts': Method<void, readonly StaffLockout[]>;
  /** A manager's PIN (another person's) unlocks someone locked out; the host records who did. */
  'staff.unlock': Method<
    { readonly staffId: string; readonly managerPin: string },
    { readonly approvedBy: string; readonly lockouts: readonly StaffLockout[] }
  >;
  'session.signOut': Method<void, null>;
  /** The first manager of a till with no staff (a new till before staff come from the hub). */
  'staff.setup': Method<{ readonly displayName: string; readonly pin: string }, StaffMember>;
  /**
   * A single-use approval of one action: the host checks the approver's PIN and permission (or the
   * signed-in person's own) and records what it approved; the sealed payload then cites it.
   */
  'approval.request': Method<ApprovalRequest, ApprovalGrant>;
  'catalog.pull': Method<{ readonly checkpoint: string | null; readonly limit: number }, CatalogPage>;
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
  /** A cash sale was sealed: its drawer opens now, once, whether or not a receipt is printed. */
  'drawer.openForSale': Method<{ readonly saleId: string }, SaleDrawerResult>;
  'printer.status': Method<void, PrinterStatus>;
  'terminal.pay': Method<{ readonly attemptKey: string; readonly amount: number; readonly currency: string }, CardResult>;
  'terminal.status': Method<{ readonly attemptKey: string }, CardResult>;
  /** A person read the terminal's own receipt for an unknown attempt: the journal records their word. */
  'terminal.reconcile': Method<{ readonly attemptKey: string; readonly outcome: 'approved' | 'declined' }, CardResult>;
  /** Sealed (refund.request) before the terminal is asked; needs sale.refund or an approval of it. */
  'terminal.refund': Method<RefundRequest, CardResult>;
  'devices.list': Method<void, DeviceInventory>;
  /** A manager (till.settings) changes the devices; they are reopened with the new settings. */
  'devices.configure': Method<DeviceSettingsPatch, DeviceInventory>;
  'devices.test': Method<{ readonly test: DeviceTest }, DeviceTestResult>;
  /** "No sale": opens the drawer (drawer.open permission) and seals a journal event. */
  'drawer.open': Method<{ readonly reason: string; readonly managerPin?: string }, { readonly opened: boolean; readonly message: string }>;
  /** Whether training mode ("mode école") is on at this till, since when and who allowed it. */
  'training.state': Method<void, TrainingState>;
  /**
   * A manager (the signed-in one, or another's PIN) starts or stops training mode; sealed on the
   * event chain (training.start / training.stop). While on, sales are sealed on the training chain.
   */
  'training.set': Method<{ readonly on: boolean; readonly managerPin?: string }, TrainingState>;
  'scale.read': Method<void, ScaleReading>;
  /** The renderer's sale as the customer should see it: to the customer window and the pole display. */
  'display.show': Method<CustomerDisplayState, null>;
  'hub.status': Method<void, HubStatus>;
  /** A manager enrolls the till with the one-time code shown at the hub. */
  'hub.enroll': Method<{ readonly hubUrl: string; readonly code: string }, HubStatus>;
  'sync.pull': Method<
    { readonly collection: SyncCollectionName; readonly checkpoint: SyncCheckpoint | null; readonly limit: number },
    PullResponse
  >;
  'sync.push': Method<{ readonly collection: SyncCollectionName; readonly rows: readonly PushRow[] }, PushResponse>;
} & CashContract &
  ReturnContract &
  ArchiveContract;

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
