import {
  can,
  canonicalText,
  DEMO_STAFF,
  PosError,
  type ApprovalAction,
  type ApprovalGrant,
  type ApprovalRequest,
  type ApprovalSubject,
  type CardOutcome,
  type CardResult,
  type EventName,
  type HostEvents,
  type HostHello,
  type MethodName,
  type PrintOutcome,
  type SaleDrawerResult,
  type SalePayload,
  type SealedRecord,
  type SealRequest,
  type StaffMember,
} from '@pos/core';
import type { ConnectionState, HostBridge } from '../bridge';
import { createFakeCashHost, type FakeCashHost } from '../features/cash/test-support/fake-cash-host';
import { createFakeReturnHost, type FakeReturnHost } from '../features/returns/test-support/fake-return-host';

export type BridgeCall = { readonly name: MethodName; readonly request: unknown };

type Handler = (request: never) => unknown;

export const TEST_HELLO: HostHello = {
  appVersion: '0.1.0-test',
  storeId: 'S001',
  tillId: 'T01',
  mode: 'browser',
  publicKey: '00'.repeat(32),
  keyId: 'test-key',
  heads: { sale: 0, event: 0, duplicate: 0, closing: 0, training: 0 },
  fiscal: { state: 'ok' },
  needsSetup: false,
};

export const MANAGER: StaffMember = { id: 'staff-sophie', displayName: 'Sophie', role: 'manager' };
export const MANAGER_PIN = '5678';

/** An approval the fake host gave, as the real one records it. */
export type IssuedApproval = ApprovalGrant & { readonly action: ApprovalAction; readonly subject: ApprovalSubject; readonly pin?: string };

/** Wrong PINs in a row before the fake host locks approvals, as the real one does. */
export const PIN_ATTEMPTS = 5;

export type FakeBridge = {
  readonly bridge: HostBridge;
  /** Every invoke, in order. */
  readonly calls: BridgeCall[];
  /** Shared with tests that add their own steps (e.g. the RxDB write), to check the order of things. */
  readonly timeline: string[];
  /** What the host has sealed, by id (a retry of an id returns the same record, as the host does). */
  readonly sealed: Map<string, SealedRecord>;
  /** The host's sealing (idempotent by id, SEAL_CONFLICT for other content), for tests that wrap fiscal.seal. */
  readonly seal: (request: SealRequest) => SealedRecord;
  /** Every approval given, in order. */
  readonly approvals: IssuedApproval[];
  /** Who the host has signed in: approvals without a PIN are theirs when their role allows. */
  signedIn: StaffMember | null;
  /** The till's staff, as staff.list answers (staff.setup adds the first manager). */
  staff: StaffMember[];
  /** The host's returns (features/returns): sale.lookup over what was sealed, card refunds. */
  readonly returns: FakeReturnHost;
  /** The host's cash sessions and closings (features/cash): tests set its limit or open a session. */
  readonly cash: FakeCashHost;
  /** Outcome the terminal gives to the next payments (default approved). */
  terminal: (request: { attemptKey: string; amount: number }) => CardOutcome;
  /** What a status enquiry answers, by attempt key (default: what pay() answered). */
  readonly terminalStatus: Map<string, CardOutcome>;
  handle<K extends MethodName>(name: K, handler: (request: never) => unknown): void;
  setConnection(state: ConnectionState): void;
  emit<E extends EventName>(event: E, payload: HostEvents[E]): void;
  callsOf(name: MethodName): unknown[];
};

/**
 * A stand-in for the till host, as the renderer sees it through its bridge: the methods the sale
 * and payment screens use, with the host's answers (sealing is idempotent by id, like the host's).
 */
export function createFakeBridge(): FakeBridge {
  const calls: BridgeCall[] = [];
  const timeline: string[] = [];
  const sealed = new Map<string, SealedRecord>();
  const attempts = new Map<string, CardResult>();
  const terminalStatus = new Map<string, CardOutcome>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  const seqs = { sale: 0, event: 0, duplicate: 0, closing: 0, training: 0 };
  const approvals: IssuedApproval[] = [];
  const duplicates = new Map<string, number>();
  let wrongPins = 0;

  /** The approver a PIN names: a demo staff member, or the manager set up on this fake till. */
  const staffByPin = (pin: string): StaffMember | null => {
    const demo = DEMO_STAFF.find((s) => s.pin === pin);
    if (demo) return { id: demo.id, displayName: demo.displayName, role: demo.role };
    return setupPins.get(pin) ?? null;
  };
  const setupPins = new Map<string, StaffMember>();
  const cash = createFakeCashHost({
    seal: (r) => seal(r),
    sealed,
    signedIn: () => fake.signedIn,
    staffByPin,
    approval: (id) => approvals.find((a) => a.approvalId === id),
  });
  const returns = createFakeReturnHost({ sealed, storeId: TEST_HELLO.storeId, tillId: TEST_HELLO.tillId });

  /** Each person's wrong sign-in PINs, as the real host keeps them: five lock that person for 30 s. */
  const personLocks = (() => {
    const failures = new Map<string, number>();
    const lockedUntil = new Map<string, number>();
    const secondsLeft = (staffId: string) => Math.max(0, Math.ceil(((lockedUntil.get(staffId) ?? 0) - Date.now()) / 1000));
    const locked = (staffId: string) => {
      const seconds = secondsLeft(staffId);
      return new PosError('PIN_LOCKED', 'Too many wrong PINs', { retryInMs: seconds * 1000, seconds, staffId });
    };
    return {
      check(staffId: string, right: boolean): void {
        if (secondsLeft(staffId) > 0) throw locked(staffId);
        if (right) return void failures.delete(staffId);
        const count = (failures.get(staffId) ?? 0) + 1;
        if (count < PIN_ATTEMPTS) {
          failures.set(staffId, count);
          throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: PIN_ATTEMPTS - count });
        }
        failures.delete(staffId);
        lockedUntil.set(staffId, Date.now() + 30_000);
        throw locked(staffId);
      },
      list: () =>
        [...lockedUntil.keys()].flatMap((staffId) => (secondsLeft(staffId) > 0 ? [{ staffId, secondsLeft: secondsLeft(staffId) }] : [])),
      unlock: (staffId: string) => void lockedUntil.delete(staffId),
    };
  })();

  const seal = (request: SealRequest): SealedRecord => {
    const existing = sealed.get(request.id);
    if (existing) {
      if (existing.chain === request.chain && canonicalText(existing.payload) === canonicalText(request.payload)) return existing;
      throw new PosError('SEAL_CONFLICT', `Record ${request.id} is already sealed with other content`, { seq: existing.seq });
    }
    const seq = ++seqs[request.chain];
    const record = {
      chain: request.chain,
      id: request.id,
      seq,
      storeId: TEST_HELLO.storeId,
      tillId: TEST_HELLO.tillId,
      sealedAt: new Date().toISOString(),
      keyId: TEST_HELLO.keyId,
      payload: request.payload,
      prevHash: `h${seq - 1}`,
      hash: `h${seq}`,
      // Hex like a real Ed25519 signature (the digital receipt's key is hashed from it), one per record.
      signature: `${request.chain}-${seq}`
        .split('')
        .map((c) => c.charCodeAt(0).toString(16))
        .join('')
        .padEnd(128, '0'),
    } as SealedRecord;
    sealed.set(request.id, record);
    return record;
  };

  const grant = (request: ApprovalRequest, approver: StaffMember): ApprovalGrant => {
    const issued: IssuedApproval = {
      approvalId: `approval-${approvals.length + 1}`,
      approvedBy: approver.id,
      approverName: approver.displayName,
      action: request.action,
      subject: request.subject,
      ...(request.pin !== undefined ? { pin: request.pin } : {}),
    };
    approvals.push(issued);
    return { approvalId: issued.approvalId, approvedBy: issued.approvedBy, approverName: issued.approverName };
  };
  let connection: ConnectionState = 'connected';

  const cardResult = (attemptKey: string, amount: number, status: CardOutcome): CardResult => ({
    attemptKey,
    status,
    amount,
    ...(status === 'approved' ? { authorizationCode: 'A1B2C3', maskedPan: '**** 4242', scheme: 'CB' } : {}),
    ...(status === 'declined' ? { message: 'Refusée par la banque' } : {}),
    ...(status === 'unknown' ? { message: 'No answer from the terminal' } : {}),
  });

  const handlers = new Map<MethodName, Handler>();
  const defaults: Partial<Record<MethodName, Handler>> = {
    'fiscal.seal': seal,
    'receipt.print': (): PrintOutcome => ({ status: 'sent', bytes: 100 }),
    'drawer.openForSale': ({ saleId }: { saleId: string }): SaleDrawerResult => {
      const sale = sealed.get(saleId);
      if (!sale || sale.chain !== 'sale') throw new PosError('NOT_FOUND', `No sale ${saleId}`);
      return (sale.payload as SalePayload).tenders.some((t) => t.method === 'cash') ? { status: 'opened' } : { status: 'not-due' };
    },
    'receipt.reprint': ({ saleId }: { saleId: string }) => {
      const sale = sealed.get(saleId);
      if (!sale || sale.chain !== 'sale') throw new PosError('NOT_FOUND', `No sale ${saleId}`);
      const duplicateNumber = (duplicates.get(saleId) ?? 0) + 1;
      duplicates.set(saleId, duplicateNumber);
      const event = seal({
        chain: 'duplicate',
        id: `duplicate-${saleId}-${duplicateNumber}`,
        payload: { type: 'duplicate', saleId, receiptSeq: sale.seq, duplicateNumber, staffId: fake.signedIn?.id ?? '' },
      });
      return { reprintNumber: duplicateNumber, event, outcome: { status: 'sent', bytes: 100 } };
    },
    'terminal.pay': (request: { attemptKey: string; amount: number }) => {
      const known = attempts.get(request.attemptKey);
      if (known) return known;
      const result = cardResult(request.attemptKey, request.amount, fake.terminal(request));
      attempts.set(request.attemptKey, result);
      return result;
    },
    'terminal.status': ({ attemptKey }: { attemptKey: string }) => {
      const known = attempts.get(attemptKey);
      const status = terminalStatus.get(attemptKey) ?? known?.status ?? 'unknown';
      return cardResult(attemptKey, known?.amount ?? 0, status);
    },
    'approval.request': (request: ApprovalRequest) => {
      const staff = fake.signedIn;
      if (!staff) throw new PosError('NOT_SIGNED_IN', 'Nobody is signed in');
      if (request.pin === undefined) {
        if (!can(staff.role, request.action))
          throw new PosError('FORBIDDEN', `${staff.displayName} may not do this alone`, { needsApprover: true });
        return grant(request, staff);
      }
      if (wrongPins >= PIN_ATTEMPTS)
        throw new PosError('PIN_LOCKED', 'Too many wrong PINs: wait before trying again', { retryInMs: 30_000, seconds: 30 });
      const approver = staffByPin(request.pin);
      if (!approver) {
        wrongPins += 1;
        if (wrongPins >= PIN_ATTEMPTS)
          throw new PosError('PIN_LOCKED', 'Too many wrong PINs: wait before trying again', { retryInMs: 30_000, seconds: 30 });
        throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: PIN_ATTEMPTS - wrongPins });
      }
      wrongPins = 0;
      if (!can(approver.role, request.action)) throw new PosError('FORBIDDEN', `${approver.displayName} may not approve this`);
      return grant(request, approver);
    },
    'session.signIn': ({ staffId, pin }: { staffId: string; pin: string }) => {
      if (fake.staff.length === 0) throw new PosError('SETUP_REQUIRED', 'This till has no staff yet: set up its first manager');
      const member = fake.staff.find((s) => s.id === staffId);
      if (!member) throw new PosError('NOT_FOUND', `No staff member ${staffId}`, { reason: 'unknown-staff' });
      personLocks.check(staffId, staffByPin(pin)?.id === staffId);
      fake.signedIn = member;
      return member;
    },
    'staff.lockouts': () => personLocks.list(),
    'staff.unlock': ({ staffId, managerPin }: { staffId: string; managerPin: string }) => {
      const approver = staffByPin(managerPin);
      if (!approver) throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: 4 });
      if (!can(approver.role, 'till.settings'))
        throw new PosError('FORBIDDEN', 'Unlocking takes a manager’s PIN', { reason: 'unlock-needs-manager' });
      if (approver.id === staffId) throw new PosError('FORBIDDEN', 'Another manager must unlock you', { reason: 'unlock-self' });
      personLocks.unlock(staffId);
      return { approvedBy: approver.id, lockouts: personLocks.list() };
    },
    'staff.setup': ({ displayName, pin }: { displayName: string; pin: string }) => {
      if (fake.staff.length > 0) throw new PosError('FORBIDDEN', 'This till has staff already');
      const member: StaffMember = { id: 'staff-first-manager', displayName, role: 'manager' };
      setupPins.set(pin, member);
      fake.staff = [member];
      return member;
    },
    'staff.list': () => fake.staff,
    'journal.read': () => ({ records: [], headSeq: 0 }),
    'printer.status': () => ({ state: 'ready', target: 'test', checkedAt: new Date(0).toISOString() }),
    'scale.read': () => ({ ok: false, reason: 'no-scale', message: 'No scale is set up on this till.' }),
    'display.show': () => null,
    'terminal.reconcile': ({ attemptKey, outcome }: { attemptKey: string; outcome: CardOutcome }) => ({
      attemptKey,
      amount: 0,
      status: outcome,
    }),
    'host.hello': () => ({ ...TEST_HELLO, needsSetup: fake.staff.length === 0 }),
    'session.current': () => null,
    // Training mode: always off here (the host's tests cover it).
    'training.state': () => ({ on: false }),
    ...returns.handlers,
    ...cash.handlers,
  };

  const invoke = async (name: MethodName, request?: unknown): Promise<unknown> => {
    calls.push({ name, request });
    timeline.push(name);
    const handler = handlers.get(name) ?? defaults[name];
    if (!handler) throw new PosError('UNKNOWN_METHOD', `The fake host has no ${name}`);
    // A real host answers asynchronously: never in the same tick.
    await Promise.resolve();
    return structuredClone(await (handler as (r: unknown) => unknown)(request));
  };

  const bridge: HostBridge = {
    kind: 'socket',
    invoke: invoke as HostBridge['invoke'],
    on(event, listener) {
      const set = eventListeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      eventListeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    connection: () => connection,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };

  const fake: FakeBridge = {
    bridge,
    calls,
    timeline,
    sealed,
    seal,
    approvals,
    returns,
    cash,
    signedIn: null,
    staff: DEMO_STAFF.map(({ pin: _pin, ...member }) => member),
    terminal: () => 'approved',
    terminalStatus,
    handle(name, handler) {
      handlers.set(name, handler as Handler);
    },
    setConnection(state) {
      connection = state;
      for (const l of [...connectionListeners]) l(state);
    },
    emit(event, payload) {
      for (const l of [...(eventListeners.get(event) ?? [])]) (l as (p: typeof payload) => void)(payload);
    },
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.request),
  };
  return fake;
}
