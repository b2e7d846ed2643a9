import {
  APP_VERSION_HEADER,
  appVersionOf,
  enrollmentProofMessage,
  findSyncCollection,
  normalizeEnrollmentCode,
  PosError,
  type ErrorReason,
  SCHEMA_VERSION_HEADER,
  type EnrollResponse,
  type HubStatus,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type StreamEvent,
  type SyncCheckpoint,
  type SyncCollectionName,
} from '@pos/core';
import type { HostEventBus } from '../host-events';
import { loadHubCredentials, saveHubCredentials, type HubCredentials, type SecretProtector } from './hub-credentials';
import { HubNetworkError, hubRequest, openEventStream, type EventStream, type HubMethod, type HubResponse } from './hub-http';

export type HubClientOptions = {
  readonly dataDir: string;
  readonly events: HostEventBus;
  readonly identity: { readonly storeId: string; readonly tillId: string };
  readonly protector?: SecretProtector;
  /** Called with each stream message the host itself needs (the store's settings). */
  readonly onStream?: (collection: SyncCollectionName, event: StreamEvent | 'RESYNC') => void;
  readonly retryMs?: number;
  /** Before enrollment: the address shown and offered in the enrollment form. */
  readonly suggestedHubUrl?: string | null;
  /** The key the till seals with: registered at the hub at enrollment, with a proof that the till holds it (needed to enroll). */
  readonly key?: EnrollmentKey;
  /** The till software's version, sent on every sync request (head office lists it); one the hub could not read is not sent. */
  readonly appVersion?: string;
};

/** What enrollment needs of the till's signing key. */
export type EnrollmentKey = { readonly publicKeyHex: string; sign(data: Uint8Array): string };

/** Collections the till streams from the hub: everything it pulls. */
const STREAMED: readonly SyncCollectionName[] = [
  'products',
  'price_lists',
  'promotions',
  'loyalty_programs',
  'stock_levels',
  'customers',
  'store_settings',
];

function errorMessage(response: HubResponse): string {
  const body = response.body as { message?: unknown } | null;
  return typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
}

/**
 * The figures of a coded refusal (`values`: the points or the amount still available…) that the
 * page's sentence names; bounded, numbers and short texts only, whatever the hub sent.
 */
function refusalValues(response: HubResponse): Record<string, number | string> | null {
  const values = (response.body as { values?: unknown } | null)?.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const kept = Object.entries(values)
    .filter(([key, v]) => key.length <= 40 && ((typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 100)))
    .slice(0, 8);
  return kept.length > 0 ? (Object.fromEntries(kept) as Record<string, number | string>) : null;
}

/** The hub's code for a refused enrollment, as the reason the page words (what to do differs for each). */
const ENROLL_REFUSALS: Readonly<Record<string, ErrorReason>> = {
  enrollment_code_unknown: 'enroll-code-unknown',
  enrollment_code_used: 'enroll-code-used',
  enrollment_code_expired: 'enroll-code-expired',
  bad_request: 'enroll-code-format',
  bad_key_proof: 'enroll-key-proof',
};

function enrollRefusal(response: HubResponse): PosError {
  const code = (response.body as { error?: unknown } | null)?.error;
  const reason = typeof code === 'string' ? ENROLL_REFUSALS[code] : undefined;
  return new PosError('HUB_REFUSED', `Enrollment refused: ${errorMessage(response)}`, {
    status: response.status,
    ...(reason ? { reason } : {}),
  });
}

/**
 * The till host's side of the hub: enrollment, authenticated pull and push (the device token
 * never leaves the host), and one server-sent-events stream per pulled collection, reconnecting
 * with back-off. Every request updates the online status the sync badge shows.
 */
export class HubClient {
  private credentials: HubCredentials | null = null;
  private state: HubStatus;
  private streams = new Map<SyncCollectionName, EventStream>();
  private retryTimers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  private constructor(private readonly options: HubClientOptions) {
    this.state = {
      enrolled: false,
      hubUrl: options.suggestedHubUrl ?? null,
      storeId: options.identity.storeId,
      tillId: options.identity.tillId,
      online: false,
      lastSyncAt: null,
      lastError: null,
    };
  }

  static async open(options: HubClientOptions): Promise<HubClient> {
    const client = new HubClient(options);
    client.credentials = await loadHubCredentials(options.dataDir, options.protector);
    if (client.credentials) client.update({ enrolled: true, hubUrl: client.credentials.hubUrl });
    return client;
  }

  status(): HubStatus {
    return this.state;
  }

  get enrolled(): boolean {
    return this.credentials !== null;
  }

  async enroll(hubUrl: string, code: string, ca?: string): Promise<HubStatus> {
    let base: URL;
    try {
      base = new URL(hubUrl);
    } catch {
      throw new PosError('INVALID_REQUEST', `"${hubUrl}" is not a web address`, { reason: 'hub-address' });
    }
    const key = this.options.key;
    if (!key) throw new PosError('INTERNAL', 'Enrollment needs the till’s signing key');
    const normalized = normalizeEnrollmentCode(code);
    // The code is the hub's challenge: signing it with the fiscal key proves the till holds that key.
    const body = { code: normalized, publicKey: key.publicKeyHex, proof: key.sign(enrollmentProofMessage(normalized, key.publicKeyHex)) };
    const response = await this.call(() => hubRequest('POST', new URL('/api/v1/enroll', base), {}, body, ca ? { ca } : {}));
    if (response.status !== 200) throw enrollRefusal(response);
    const enrolled = response.body as EnrollResponse;
    if (enrolled.storeId !== this.options.identity.storeId || enrolled.tillId !== this.options.identity.tillId) {
      throw new PosError(
        'HUB_REFUSED',
        `This code is for till ${enrolled.tillId} of store ${enrolled.storeId}, but this till is ${this.options.identity.tillId} of ${this.options.identity.storeId}: ask for a code for this till`,
        { reason: 'enroll-other-till', till: enrolled.tillId, store: enrolled.storeId },
      );
    }
    this.credentials = {
      hubUrl: base.origin,
      storeId: enrolled.storeId,
      tillId: enrolled.tillId,
      token: enrolled.token,
      ...(ca ? { ca } : {}),
    };
    await saveHubCredentials(this.options.dataDir, this.credentials, this.options.protector);
    this.update({ enrolled: true, hubUrl: base.origin, lastError: null });
    this.startStreams();
    return this.state;
  }

  async pull(collection: SyncCollectionName, checkpoint: SyncCheckpoint | null, limit: number): Promise<PullResponse> {
    const url = this.url(`/sync/v1/${collection}/pull`);
    url.searchParams.set('checkpoint', String(checkpoint?.seq ?? 0));
    url.searchParams.set('limit', String(limit));
    const response = await this.call(() => hubRequest('GET', url, this.headers(collection), undefined, this.httpOptions()));
    return this.answer<PullResponse>(response);
  }

  async push(collection: SyncCollectionName, rows: readonly PushRow[]): Promise<PushResponse> {
    const response = await this.call(() =>
      hubRequest('POST', this.url(`/sync/v1/${collection}/push`), this.headers(collection), { rows }, this.httpOptions()),
    );
    return this.answer<PushResponse>(response);
  }

  /** One of the till's own routes beyond the sync protocol (its store's staff), with the device token; the store is the token's. */
  get<T>(pathname: string, timeoutMs = 10_000): Promise<T> {
    return this.send<T>('GET', pathname, undefined, timeoutMs);
  }

  /**
   * A request of the online path (a customer among the chain's, points to reserve): the device
   * token goes with it and the store is the token's. Offline or past `timeoutMs`: HUB_UNREACHABLE;
   * refused: HUB_REFUSED with the hub's status and its code (`details.hubCode`), which the page words.
   */
  async send<T>(method: HubMethod, pathname: string, body?: unknown, timeoutMs = 10_000): Promise<T> {
    const url = this.url(pathname);
    const response = await this.call(() =>
      hubRequest(method, url, { authorization: `Bearer ${this.credentials!.token}` }, body, { ...this.httpOptions(), timeoutMs }),
    );
    return this.answer<T>(response);
  }

  startStreams(): void {
    if (!this.credentials || this.closed) return;
    for (const collection of STREAMED) if (!this.streams.has(collection)) this.openStream(collection);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
  }

  private openStream(collection: SyncCollectionName, delayMs = this.options.retryMs ?? 1000): void {
    const stream = openEventStream(
      this.url(`/sync/v1/${collection}/stream`),
      this.headers(collection),
      {
        onOpen: () => {
          delayMs = this.options.retryMs ?? 1000;
          this.update({ online: true, lastError: null });
        },
        onData: (data) => {
          let event: StreamEvent | 'RESYNC';
          try {
            event = data === 'RESYNC' ? 'RESYNC' : (JSON.parse(data) as StreamEvent);
          } catch {
            return;
          }
          this.options.onStream?.(collection, event);
          this.options.events.emit('sync.stream', { collection, event });
        },
        onClose: (reason) => {
          this.streams.delete(collection);
          if (this.closed) return;
          this.update({ online: false, lastError: `Live updates (${collection}): ${reason}` });
          const timer = setTimeout(() => {
            this.retryTimers.delete(timer);
            if (!this.closed && this.credentials) this.openStream(collection, Math.min(delayMs * 2, 30_000));
          }, delayMs);
          this.retryTimers.add(timer);
        },
      },
      this.httpOptions(),
    );
    this.streams.set(collection, stream);
  }

  private url(pathname: string): URL {
    if (!this.credentials) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub yet');
    return new URL(pathname, this.credentials.hubUrl);
  }

  private headers(collection: SyncCollectionName): Record<string, string> {
    if (!this.credentials) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub yet');
    const definition = findSyncCollection(collection);
    const version = appVersionOf(this.options.appVersion);
    return {
      authorization: `Bearer ${this.credentials.token}`,
      [SCHEMA_VERSION_HEADER]: String(definition?.schemaVersion ?? 0),
      ...(version ? { [APP_VERSION_HEADER]: version } : {}),
    };
  }

  private httpOptions() {
    return this.credentials?.ca ? { ca: this.credentials.ca } : {};
  }

  private async call(request: () => Promise<HubResponse>): Promise<HubResponse> {
    try {
      const response = await request();
      this.update({ online: true });
      return response;
    } catch (error) {
      const message = error instanceof HubNetworkError ? error.message : `The hub cannot be reached: ${(error as Error).message}`;
      this.update({ online: false, lastError: message });
      throw new PosError('HUB_UNREACHABLE', message);
    }
  }

  private answer<T>(response: HubResponse): T {
    // 2xx: a created customer answers 201.
    if (response.status >= 200 && response.status < 300) {
      this.update({ lastSyncAt: new Date().toISOString(), lastError: null });
      return response.body as T;
    }
    const message = errorMessage(response);
    this.update({ lastError: message });
    const hubCode = (response.body as { error?: unknown } | null)?.error;
    const values = refusalValues(response);
    throw new PosError('HUB_REFUSED', message, {
      status: response.status,
      ...(typeof hubCode === 'string' ? { hubCode } : {}),
      ...(values ? { values } : {}),
    });
  }

  private update(patch: Partial<HubStatus>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof HubStatus)[]).some((k) => next[k] !== this.state[k]);
    this.state = next;
    if (changed) this.options.events.emit('hub.status', next);
  }
}
