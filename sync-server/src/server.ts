import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyHttpOptions,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Database } from './db/database';
import { defaultMigrationsFolder } from './db/migrations';
import { HubError } from './errors/hub-error';
import { registerAdminRoutes } from './http/admin-routes';
import { registerAdminTokenRoutes } from './http/admin-token-routes';
import { installAuditHook } from './http/audit-hook';
import { OfficeAuth, type OfficeOptions } from './http/office-auth';
import { DEFAULT_SIGN_IN_RATE, registerOfficeRoutes } from './http/office-routes';
import { registerUserRoutes } from './http/user-routes';
import { registerAuditRoute } from './http/audit-route';
import { registerApiKeyRoutes } from './http/api-key-routes';
import { registerCatalogReadRoutes } from './http/catalog-read-routes';
import { registerCatalogRoutes } from './http/catalog-routes';
import { registerPriceListRoutes } from './http/price-list-routes';
import { registerPromotionRoutes } from './http/promotion-routes';
import { registerLoyaltyProgramRoutes } from './http/loyalty-program-routes';
import { registerBasketPriceRoute } from './http/basket-price-route';
import { registerClosingRoutes } from './http/closing-routes';
import { registerEnrollRoute } from './http/enroll-route';
import { registerFiscalRoutes } from './http/fiscal-routes';
import { installErrorHandlers } from './http/error-handler';
import { registerHealthRoutes } from './http/health-routes';
import { installJsonBodyParser } from './http/json-body';
import { installSecurityHeaders } from './http/security-headers';
import type { HubApp } from './http/hub-app';
import { registerImportRoute } from './http/import-route';
import { defaultOfficeWebRoot } from './http/office-web-files';
import { registerOfficeWebRoutes } from './http/office-web-routes';
import { DEFAULT_DEVICE_RATE, DEFAULT_ENROLL_RATE, type RateLimit } from './http/rate-limits';
import { registerStaffRoutes } from './http/staff-routes';
import { registerCustomerRoutes } from './http/customer-routes';
import { registerCustomerHistoryRoutes } from './http/customer-history-routes';
import { registerLedgerRoutes } from './http/ledger-routes';
import { registerCouponRoutes } from './http/coupon-routes';
import { registerStockRoutes } from './http/stock-routes';
import { registerStoreListRoute } from './http/store-list-route';
import { registerSalesRoutes } from './http/sales-routes';
import { registerTillListRoute } from './http/till-list-route';
import { registerDashboardRoute } from './http/dashboard-route';
import { registerReportEventsRoute } from './http/report-events-route';
import { registerStoreSettingsRoute } from './http/store-settings-route';
import { DEFAULT_RECEIPT_RATE, registerDigitalReceiptRoute } from './http/digital-receipt-route';
import { DEFAULT_SIGNUP_PAGE_RATE, DEFAULT_SIGNUP_SEND_RATE, registerSignupRoutes } from './http/signup-routes';
import { DEFAULT_WALLET_RATE, registerWalletRoutes } from './http/wallet-routes';
import { loadOrCreateLinkKey } from './signup/link-key';
import { DEFAULT_WALLET_BRAND, type WalletBrand } from './wallet/member-card';
import type { WalletConfig } from './wallet/wallet-config';
import {
  clientErrorHandler,
  DEFAULT_TIMEOUTS,
  dropStalledReaders,
  serverTimeoutOptions,
  type RequestTimeouts,
} from './http/server-timeouts';
import { registerStreamRoute } from './http/stream-route';
import { DEFAULT_STREAM_BUFFER_BYTES } from './http/stream-sink';
import { registerSyncRoutes } from './http/sync-routes';
import type { ChainVerifierOptions } from './fiscal/chain-verifier';
import { startProjectors, type Projectors } from './projectors';
import { ReportEvents } from './reporting/report-events';
import { AdminAuthenticator } from './auth/admin-authenticator';
import { DeviceAuthenticator } from './auth/device-authenticator';
import { DEFAULT_AUTH_FAILURE_LIMIT, FailedAuthLimiter, type FailureLimit } from './auth/failed-auth-limiter';
import { LiveStreams } from './sync/live-streams';
import type { PushFaults } from './sync/push-documents';

export type HubOptions = {
  readonly database: Database;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  readonly host?: string;
  /** PEM certificate (chain) and key: the hub then serves HTTPS only. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Fastify's logger (pino, JSON lines): false for quiet tests, or pino options (level, stream…). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Requests per device token (default 1200 a minute); false turns the limit off. */
  readonly rateLimit?: RateLimit | false;
  /** Enrollment attempts per client address (default 30 a minute). */
  readonly enrollRateLimit?: RateLimit;
  /**
   * Failed authentications (device or admin token) per client address (default 30 a minute); past
   * it the address gets 429 auth_rate_limited, without a database lookup, for tokens this instance
   * has not verified before.
   */
  readonly authFailureLimit?: FailureLimit;
  /**
   * Behind a load balancer or reverse proxy: which proxies to believe about the client's address
   * (X-Forwarded-For), as Fastify's `trustProxy` (true, or their addresses and CIDR ranges).
   * Without it every client has the proxy's address, and the per-address limits lump them together.
   */
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  /** Time limits on requests and on clients that stop reading (defaults in DEFAULT_TIMEOUTS). */
  readonly timeouts?: Partial<RequestTimeouts>;
  /** Stream heartbeat (default 15 s). */
  readonly heartbeatMs?: number;
  /**
   * Event streams one device (store and till) may hold on one collection (default 4: a till opens
   * one per collection it pulls). A new stream past it closes that device's oldest on the collection.
   */
  readonly maxStreamsPerDevice?: number;
  /** Bytes a stream may hold for a reader that has not taken them (default 4 MiB); past it the stream is cut. */
  readonly streamBufferBytes?: number;
  readonly migrationsFolder?: string;
  /** Test hooks injecting faults (a slow push transaction). */
  readonly faults?: PushFaults;
  /** The chain verifier's grace period, quiet time, clock… (defaults in fiscal/chain-verifier.ts, fiscal/verify-store.ts). */
  readonly verification?: Omit<ChainVerifierOptions, 'onError'>;
  /**
   * False: this hub answers requests only, and the projectors (projectors.ts) run in a process of
   * their own (the `projectors` command), where the tills' pushes do not hold up their steps.
   * Default true. PostgreSQL only: PGlite serves one process.
   */
  readonly projectors?: boolean;
  /** Back-office sessions (idle and absolute expiry) and the per-account lockout (defaults in src/office). */
  readonly office?: OfficeOptions;
  /** Back-office sign-in attempts per client address (default 30 a minute). */
  readonly signInRateLimit?: RateLimit;
  /** The receipt sign-up's form: opened and sent per client address (defaults in http/signup-routes.ts). */
  readonly signupRateLimit?: { readonly page: RateLimit; readonly send: RateLimit };
  /** The deployment's wallet certificates (wallet/wallet-config-file.ts); none: the on-screen QR card only. */
  readonly wallet?: WalletConfig;
  /** The programme's and the chain's names on the members' wallet cards. */
  readonly walletBrand?: WalletBrand;
};

export type Hub = {
  readonly app: HubApp;
  readonly streams: LiveStreams;
  /** The chain verifier and the projections of what it verifies; null when they run in a process of their own. */
  readonly projectors: Projectors | null;
  /** The reports' change notices, told to the back office's live dashboards. */
  readonly reportEvents: ReportEvents;
  /** Waits until every store's pushed records are verified and its verified sales projected (stock, closings, reports); a hub without projectors has nothing to wait for. */
  catchUp(): Promise<void>;
  /** Starts listening; resolves to the hub's base URL (http://host:port or https://…). */
  listen(): Promise<string>;
  readonly url: string | null;
  /**
   * Graceful shutdown: stops accepting, ends the event streams, lets in-flight requests (pushes)
   * finish, stops listening to the database. The database itself stays open: its owner closes it.
   */
  close(): Promise<void>;
};

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const NO_LIMIT: RateLimit = { max: Number.MAX_SAFE_INTEGER, timeWindowMs: 60_000 };

/**
 * What Fastify's "incoming request" and "request completed" lines say, in one line written when the
 * request is answered: hundreds of tills pushing every few seconds make these most of the hub's log.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const db = options.database;
  const timeouts: RequestTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const { requestTimeout, nodeOptions } = serverTimeoutOptions(timeouts);
  const serverOptions: FastifyServerOptions & { https?: object; http?: object } = {
    logger: options.logger ?? false,
    requestTimeout,
    clientErrorHandler: clientErrorHandler(timeouts),
    logController: new OneLinePerRequest(),
    // Keep-alive sockets with no request in flight are closed at shutdown; busy ones finish first.
    forceCloseConnections: 'idle',
    // Answered below with the hub's own error body instead.
    return503OnClosing: false,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, ...nodeOptions } } : { http: nodeOptions }),
  };
  // Fastify picks http or https from the `https` option at run time; the routes do not care which.
  const app = Fastify(serverOptions as FastifyHttpOptions<Server>).withTypeProvider<TypeBoxTypeProvider>();
  dropStalledReaders(app, timeouts.stalledReaderMs);
  let closing = false;
  const streams = new LiveStreams(db, {
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.maxStreamsPerDevice ? { maxPerDevice: options.maxStreamsPerDevice } : {}),
    onError: (error) => app.log.error({ err: error }, 'live stream failed'),
  });

  const failures = new FailedAuthLimiter(options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT);
  const auth = new DeviceAuthenticator(db, { failures });
  const office = new OfficeAuth(db, options.office);
  const admin = new AdminAuthenticator(db, failures, office);
  const reportEvents = new ReportEvents(db, options.heartbeatMs, (sessions) => office.liveSessions(sessions));

  await installSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'POS hub', version: '1', description: 'Sync protocol for tills, enrollment, and the head-office routes of the hub' },
      components: {
        securitySchemes: {
          deviceToken: { type: 'http', scheme: 'bearer', description: 'A till’s device token, from POST /api/v1/enroll' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'A head-office token (the command line’s is in <data-dir>/hub.json)' },
          officeSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'pos_office',
            description: 'A back-office session, from POST /api/v1/office/session',
          },
        },
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests from this device: retry in ${context.after}`,
    }),
  });
  await app.register(cookie);
  installErrorHandlers(app);
  installAuditHook(app, db);
  installJsonBodyParser(app);

  const deviceRate = options.rateLimit === false ? NO_LIMIT : (options.rateLimit ?? DEFAULT_DEVICE_RATE);
  registerHealthRoutes(app, { db, migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(), isClosing: () => closing });
  registerEnrollRoute(app, { db, auth, rateLimit: options.enrollRateLimit ?? DEFAULT_ENROLL_RATE, bodyTimeoutMs: timeouts.enrollBodyMs });
  registerSyncRoutes(app, { db, auth, rateLimit: deviceRate, ...(options.faults ? { faults: options.faults } : {}) });
  registerStreamRoute(app, {
    auth,
    streams,
    rateLimit: deviceRate,
    maxBufferedBytes: options.streamBufferBytes ?? DEFAULT_STREAM_BUFFER_BYTES,
  });
  registerAdminRoutes(app, { db, auth, admin });
  registerAdminTokenRoutes(app, { db, admin });
  registerOfficeRoutes(app, { db, office, failures, rateLimit: options.signInRateLimit ?? DEFAULT_SIGN_IN_RATE });
  registerUserRoutes(app, { db, admin });
  registerAuditRoute(app, { db, admin });
  registerApiKeyRoutes(app, { db, office });
  registerCatalogRoutes(app, { db, admin });
  registerCatalogReadRoutes(app, { db, admin });
  registerPriceListRoutes(app, { db, admin });
  registerPromotionRoutes(app, { db, admin });
  registerLoyaltyProgramRoutes(app, { db, admin });
  registerBasketPriceRoute(app, { db, admin });
  registerImportRoute(app, { db, admin });
  registerStoreSettingsRoute(app, { db, admin });
  registerStoreListRoute(app, { db, admin });
  registerTillListRoute(app, { db, admin });
  registerDashboardRoute(app, { db, admin });
  registerReportEventsRoute(app, { db, office, events: reportEvents });
  registerStockRoutes(app, { db, admin });
  registerStaffRoutes(app, { db, admin, auth, rateLimit: deviceRate });
  registerCustomerRoutes(app, { db, admin, auth, rateLimit: deviceRate });
  registerCustomerHistoryRoutes(app, { db, auth, rateLimit: deviceRate });
  registerLedgerRoutes(app, { db, admin, auth, rateLimit: deviceRate });
  registerCouponRoutes(app, { db, admin, auth, rateLimit: deviceRate });
  registerFiscalRoutes(app, { db, admin });
  registerClosingRoutes(app, { db, admin });
  registerSalesRoutes(app, { db, admin });
  registerDigitalReceiptRoute(app, { db, rateLimit: options.rateLimit === false ? NO_LIMIT : DEFAULT_RECEIPT_RATE });
  const linkKey = () => loadOrCreateLinkKey(db);
  registerSignupRoutes(app, {
    db,
    linkKey,
    wallet: options.wallet ?? {},
    pageRate: options.signupRateLimit?.page ?? (options.rateLimit === false ? NO_LIMIT : DEFAULT_SIGNUP_PAGE_RATE),
    sendRate: options.signupRateLimit?.send ?? (options.rateLimit === false ? NO_LIMIT : DEFAULT_SIGNUP_SEND_RATE),
  });
  registerWalletRoutes(app, {
    db,
    auth,
    linkKey,
    wallet: options.wallet ?? {},
    brand: options.walletBrand ?? DEFAULT_WALLET_BRAND,
    rateLimit: options.rateLimit === false ? NO_LIMIT : DEFAULT_WALLET_RATE,
    deviceRate,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerOfficeWebRoutes(app, { root: defaultOfficeWebRoot() });

  // New requests on a kept-alive connection during shutdown: go elsewhere, or come back later.
  app.addHook('onRequest', async () => {
    if (closing) throw new HubError(503, 'shutting_down', 'The hub is shutting down: try again in a moment');
  });
  // A request finishing during shutdown closes its connection, so the server need not wait for keep-alive to expire.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  // Streams never end by themselves: end them before the server waits for its connections.
  app.addHook('preClose', async () => {
    closing = true;
    await streams.close();
    await reportEvents.close();
  });

  await streams.start();
  let projectors: Projectors | null = null;
  try {
    await auth.start();
    await reportEvents.start();
    if (options.projectors !== false) {
      projectors = await startProjectors(db, {
        ...(options.verification ? { verification: options.verification } : {}),
        onError: (error, storeId, failed) => app.log.error({ err: error, storeId }, `${failed} failed; retrying`),
      });
    }
    await app.ready();
  } catch (error) {
    await reportEvents.close();
    await projectors?.close();
    await auth.close();
    await streams.close();
    throw error;
  }

  let url: string | null = null;
  let closed: Promise<void> | null = null;
  return {
    app,
    streams,
    projectors,
    reportEvents,
    catchUp: async () => projectors?.catchUp(),
    get url() {
      return url;
    },
    async listen() {
      await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? DEFAULT_HOST });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
      return url;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        await app.close();
        await streams.close();
        await reportEvents.close();
        await projectors?.close();
        await auth.close();
      })();
      return closed;
    },
  };
}
