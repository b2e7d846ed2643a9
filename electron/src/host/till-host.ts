import { randomUUID } from 'node:crypto';
import { canonicalText, DEMO_STAFF } from '@pos/core';
import { ApprovalBook } from './approvals/approval-book';
import { PromotionBook } from './catalog/promotion-book';
import { LoyaltyBook } from './catalog/loyalty-book';
import { SealGate } from './fiscal/seal-gate';
import { SealedIndex } from './fiscal/sealed-index';
import { CashDesk } from './cash/cash-desk';
import { CashIndex } from './cash/cash-index';
import { FiscalClosings } from './cash/fiscal-closings';
import { cashHandlers } from './handlers/cash-handlers';
import { anchorProblems } from './fiscal/anchor-check';
import { OncePerSale } from './printer/once-per-sale';
import { loadHostConfig } from './config/host-config';
import { loadStoreProfile } from './config/store-profile-file';
import { JournalStore } from './fiscal/journal-store';
import { loadOrCreateTillKey } from './fiscal/key-store';
import { Sealer } from './fiscal/sealer';
import { fiscalHandlers } from './handlers/fiscal-handlers';
import { HandlerRegistry } from './handlers/handler-registry';
import { hostHandlers } from './handlers/host-handlers';
import { hubHandlers } from './handlers/hub-handlers';
import { customerHandlers, sendCustomer } from './handlers/customer-handlers';
import { loyaltyHandlers } from './handlers/loyalty-handlers';
import { CustomerOutbox } from './hub/customer-outbox';
import { onHubBack } from './hub/hub-back';
import { CustomerCache, customerSoldTo } from './customers/customer-cache';
import { ReservationBook } from './ledgers/reservation-book';
import { openLedgers } from './ledgers/ledger-service';
import { CouponBook } from './coupons/coupon-book';
import { openCoupons } from './coupons/coupon-service';
import { receiptHandlers } from './handlers/receipt-handlers';
import { openVouchers } from './vouchers/voucher-service';
import { returnHandlers } from './handlers/return-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { terminalHandlers } from './handlers/terminal-handlers';
import { trainingHandlers } from './handlers/training-handlers';
import { archiveHandlers } from './handlers/archive-handlers';
import { TillArchives } from './archive/till-archives';
import { injectFaults } from './fault-injection';
import type { HostContext } from './host-context';
import { HostEventBus } from './host-events';
import { HubClient } from './hub/hub-client';
import { pullStaff, STAFF_PULL_MS } from './hub/staff-sync';
import { cachedHubProfile, fetchHubProfile } from './hub/store-settings-sync';
import { createConfiguredPrinter } from './printer/configured-printer';
import { Session } from './session/session';
import { StaffStore } from './session/staff-store';
import { createConfiguredTerminal } from './terminal/configured-terminal';
import { journaledTerminal, type TerminalAlert } from './terminal/journaled-terminal';
import { defaultDeviceFactories } from './devices/default-factories';
import { DeviceManager } from './devices/device-manager';
import { SwitchableTerminal } from './devices/switchable-terminal';
import { deviceHandlers } from './handlers/device-handlers';
import { PaymentJournal } from './terminal/payment-journal';
import { LifecycleIndex } from './fiscal/lifecycle-index';
import { sealTillStop } from './fiscal/till-stop';
import { journaledExports } from './fiscal/export-journal';
import { HubPresence } from './hub/hub-presence';
import { SettingsSeal } from './config/settings-seal';
import type { TillHost, TillHostOptions } from './till-host-types';

export type { TillHost, TillHostOptions } from './till-host-types';

/**
 * Starts the till host: config, signing key, fiscal journal (verified; repaired if a crash tore
 * its last line), staff, devices, and the handlers of the contract. Seals a `till.start` event
 * anchoring every chain's head at each start, or, when the journal is damaged, the integrity
 * event that stops sealing.
 */
export async function createTillHost(options: TillHostOptions): Promise<TillHost & { readonly context: HostContext }> {
  const env = options.env ?? process.env;
  const demo = options.demo ?? env.POS_DEMO === '1';
  const config = await loadHostConfig(options.dataDir, env);
  const key = await loadOrCreateTillKey(options.dataDir, options.secretProtector);
  const index = new SealedIndex();
  const cash = new CashIndex();
  const lifecycle = new LifecycleIndex();
  // Opened before the journal: it learns from every sealed record which reservation a sale used.
  const reservations = await ReservationBook.open(options.dataDir);
  // Also before the journal: it learns which coupons each sealed sale used (consumed at the hub after).
  const coupons = await CouponBook.open(options.dataDir);
  const events = new HostEventBus();
  // A write that fails and cannot be undone stops sealing: every screen is told at once.
  const journal = await JournalStore.open(options.dataDir, {
    key,
    indexers: [index.add, cash.add, lifecycle.add, reservations.add, coupons.add],
    onStatus: (status) => events.emit('fiscal.status', status),
  });
  const sealer = new Sealer(journal, key, { storeId: config.storeId, tillId: config.tillId });
  const staff = await StaffStore.open(options.dataDir, demo ? DEMO_STAFF : null);
  const approvals = await ApprovalBook.open(options.dataDir);
  const promotions = await PromotionBook.open(options.dataDir);
  const loyalty = await LoyaltyBook.open(options.dataDir);
  const originals = await OncePerSale.open(options.dataDir, 'originals');
  const drawerKicks = await OncePerSale.open(options.dataDir, 'drawer-kicks');
  const hubProfile = await cachedHubProfile(options.dataDir);
  const profile = hubProfile ?? (await loadStoreProfile(options.dataDir, config.storeId, config.tillId));
  const settingsSeal = new SettingsSeal({
    dataDir: options.dataDir,
    sealedFingerprint: () => lifecycle.settingsFingerprint,
    seal: (payload) => sealer.seal({ chain: 'event', id: randomUUID(), payload }),
  });
  const printer = options.printer ?? createConfiguredPrinter(config, events);
  const switchable = new SwitchableTerminal(options.terminal ?? createConfiguredTerminal(config.terminal));
  const terminal = journaledTerminal(switchable, await PaymentJournal.open(options.dataDir), {
    offlineCaps: config.terminal.offlineCaps,
    locale: config.locale,
    onAlert: (alert) => void raiseTerminalAlert(alert),
    // Every till screen learns the terminal is working, so none offers to settle the attempt by hand meanwhile.
    onProgress: (progress) => events.emit('terminal.progress', progress),
    answerWithinMs: () => devices.settings.terminal.timeoutMs,
  });
  const devices = new DeviceManager(config, {
    dataDir: options.dataDir,
    env: options.env ?? process.env,
    events,
    factories: options.deviceFactories ?? defaultDeviceFactories(createConfiguredTerminal),
    printer,
    terminal: switchable,
    storeName: () => context.profile.name,
  });
  /** A late or double answer is shown to every till screen and sealed as a technical event. */
  const raiseTerminalAlert = async (alert: TerminalAlert) => {
    const fields = {
      kind: alert.kind,
      attemptKey: alert.attemptKey,
      status: alert.result.status,
      amount: terminal.journal.get(alert.attemptKey)?.amount ?? alert.result.amount,
    };
    events.emit('terminal.alert', { ...fields, message: alert.message });
    await sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'terminal.alert', ...fields } }).catch(() => undefined);
  };
  // Tests and unbundled runs have no packaged version: say so rather than invent one.
  const appVersion = options.appVersion ?? '0.0.0-dev';
  const hub = await HubClient.open({
    dataDir: options.dataDir,
    // The key the till signs with now (a rotation replaces it): the one an enrollment registers.
    key: {
      get publicKeyHex() {
        return sealer.key.publicKeyHex;
      },
      sign: (data) => sealer.key.sign(data),
    },
    events,
    identity: { storeId: config.storeId, tillId: config.tillId },
    suggestedHubUrl: config.hubUrl,
    appVersion,
    ...(options.secretProtector ? { protector: options.secretProtector } : {}),
    // The host keeps the store's settings itself (it validates sales and builds receipts with them).
    onStream: (collection) => {
      if (collection === 'store_settings') void context.refreshFromHub();
    },
  });
  // One staff pull at a time: two at once would seal the same rights change twice.
  const staffPulls = new SealGate();
  const context: HostContext = {
    appVersion,
    dataDir: options.dataDir,
    secretProtector: options.secretProtector,
    demo,
    index,
    cash,
    approvals,
    reservations,
    coupons,
    promotions,
    loyalty,
    sealGate: new SealGate(),
    receiptGate: new SealGate(),
    originals,
    drawerKicks,
    mode: options.mode,
    config,
    profile,
    key,
    journal,
    sealer,
    staff,
    session: new Session(staff, staff.lockouts, (staffId) =>
      sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'staff.locked', staffId } }),
    ),
    printer,
    terminal,
    devices,
    events,
    hub,
    async refreshFromHub() {
      if (!hub.enrolled) return;
      try {
        const fresh = await fetchHubProfile(hub, options.dataDir, context.profile);
        // The page sells with the same settings the host checks with, from the same moment.
        if (fresh && canonicalText(fresh) !== canonicalText(context.profile)) {
          // A change of the fiscal settings is sealed (JET 270) before it is in force; not sealed, not applied.
          await settingsSeal.apply(fresh, 'hub');
          context.profile = fresh;
          events.emit('store.profile', fresh);
        }
      } catch {
        // Offline or refused: the till keeps selling with the profile it has; the badge says why.
      }
      await context.refreshStaffFromHub().catch(() => undefined);
    },
    refreshStaffFromHub: () => staffPulls.run(() => pullStaff(context)),
  };

  // A chain shorter than the last start saw it lost its tail, which the records alone cannot tell.
  if (journal.status.state === 'ok') journal.declareDamaged(anchorProblems(index.lastAnchor, journal.heads()));
  if (journal.status.state === 'stopped') {
    await sealer.sealIntegrityEvent(journal.status.problems);
  } else {
    for (const repair of journal.repairs) {
      await sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'journal.repaired', ...repair } });
    }
    const previousVersion = lifecycle.lastStartVersion;
    // Every chain's head before this start: a later start that finds a shorter chain, or a hub that
    // holds this anchor, tells that records were dropped from the tail.
    await sealer.seal({
      chain: 'event',
      id: randomUUID(),
      payload: { type: 'till.start', appVersion: context.appVersion, publicKey: key.publicKeyHex, heads: journal.heads() },
    });
    // A new version of the software is its own event (JET 250), not only a field of the start.
    if (previousVersion !== null && previousVersion !== context.appVersion) {
      await sealer.seal({
        chain: 'event',
        id: randomUUID(),
        payload: { type: 'app.version', from: previousVersion, to: context.appVersion },
      });
    }
    // Settings changed since the last start (store.json edited, or a hub profile cached but not sealed) are sealed before any request.
    await settingsSeal.apply(profile, hubProfile ? 'hub' : 'local');
  }
  injectFaults(sealer, (options.env ?? process.env).POS_FAULT);

  const registry = new HandlerRegistry();
  registry.register(hostHandlers(context));
  registry.register(loyaltyHandlers(context));
  registry.register(sessionHandlers(context));
  registry.register(fiscalHandlers(context));
  // Gift cards and store credit of sealed sales, made at the hub after the seal (vouchers/voucher-outbox.ts).
  const vouchers = await openVouchers(context);
  registry.register(receiptHandlers(context, vouchers.receipt));
  registry.register(vouchers.handlers);
  registry.register(returnHandlers(context));
  registry.register(terminalHandlers(context));
  registry.register(hubHandlers(context));
  // Gift cards and store credit as tenders: reservations spent after the seal, given back when abandoned.
  const ledgers = openLedgers(context);
  registry.register(ledgers.handlers);
  // Coupon codes: reserved for the open sale, consumed after the seal, given back when removed; offline, the till's block.
  const couponService = await openCoupons(context);
  registry.register(couponService.handlers);
  // Customers created offline: sent once the hub answers again (a status change to online, or the next creation).
  const customerOutbox = await CustomerOutbox.open(
    options.dataDir,
    async (id, customer) => void (await sendCustomer(context)(id, customer)),
  );
  const customerCache = await CustomerCache.open(options.dataDir);
  registry.register(customerHandlers(context, customerOutbox, customerCache));
  const soldTo = customerSoldTo(customerCache);
  registry.register(deviceHandlers(context));
  registry.register(trainingHandlers(context));
  registry.register(archiveHandlers(new TillArchives(context)));
  const desk = new CashDesk(context, cash);
  registry.register(journaledExports(context, cashHandlers(desk, new FiscalClosings(context, cash))));
  registry.assertComplete();
  // A session closed just before the host stopped gets its Z now (sealed once: its id is the session's).
  if (journal.status.state === 'ok') await desk.recover().catch(() => undefined);
  void printer.refresh();
  await devices.start();
  // Degraded mode towards the hub (JET 70 / 120): only with a hub configured, and only while the journal takes records.
  const presence = new HubPresence({
    enrolled: () => hub.enrolled,
    sealedOfflineSince: lifecycle.offlineSince,
    seal: (payload) => sealer.seal({ chain: 'event', id: randomUUID(), payload }),
    ...(options.hubOfflineMs !== undefined ? { debounceMs: options.hubOfflineMs } : {}),
  });
  const stopPresence = events.on('hub.status', presence.observe);
  const stopCustomerFlush = onHubBack(events, () => {
    if (customerOutbox.pending > 0) void customerOutbox.flush().catch(() => undefined);
  });
  if (journal.status.state === 'ok') presence.observe(hub.status());
  if (hub.enrolled) {
    void context.refreshFromHub();
    hub.startStreams();
  }
  // Staff have no stream: an enrolled till asks for them every minute (offline: it keeps those it has).
  const staffTimer = setInterval(() => {
    if (hub.enrolled) void context.refreshStaffFromHub().catch(() => undefined);
  }, options.staffPullMs ?? STAFF_PULL_MS);
  staffTimer.unref();

  let closed: Promise<void> | null = null;
  return {
    context,
    invoke: async (name, request) => {
      const reply = await registry.invoke(name, request);
      soldTo(name, reply);
      return reply;
    },
    on: (event, listener) => events.on(event, listener),
    onAny: (listener) => events.onAny(listener),
    customerDisplay: () => devices.settings.customerDisplay,
    close: () => {
      closed ??= (async () => {
        clearInterval(staffTimer);
        stopPresence();
        stopCustomerFlush();
        presence.stop();
        // A clean stop is on record (JET 40) before the journal closes; the wait is bounded.
        await sealTillStop(sealer, journal);
        await customerOutbox.close();
        await vouchers.close();
        await customerCache.close();
        await ledgers.close();
        await couponService.close();
        await hub.close();
        await devices.close();
        await printer.close();
        await terminal.close();
        await approvals.close();
        await originals.close();
        await drawerKicks.close();
        await journal.close();
      })();
      return closed;
    },
  };
}
