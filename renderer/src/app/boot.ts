import { FISCAL_CHAINS, PosError, saleReceiptNumber, type CartDoc, type StaffMember } from '@pos/core';
import { connectToHost, NoHostError, type HostBridge } from '../bridge';
import { catalogImportState, importCatalog } from '../db/catalog-import';
import { openTillDatabase } from '../db/database';
import { mirrorJournal } from '../db/journal-mirror';
import { resumePendingVoids } from '../features/sale/pending-voids';
import { completeSale } from '../features/payment/complete-sale';
import { startHubLink } from './hub-link';
import { useAppStore } from '../state/app-store';
import { cartActions } from '../state/cart-store';
import { replaceStaff, services, setServices } from '../state/services';
import { feedCustomerDisplay } from './customer-display-feed';
import { linkDevices } from './device-link';
import { applyHello, applyStoreProfile, linkHostState, refreshHostState } from './host-state-link';

function waitConnected(bridge: HostBridge): Promise<void> {
  if (bridge.connection() === 'connected') return Promise.resolve();
  return new Promise((resolve) => {
    const off = bridge.onConnection((state) => {
      if (state === 'connected') {
        off();
        resolve();
      }
    });
  });
}

/** Asks the browser not to evict our storage; the cashier is warned if it refuses. */
async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/**
 * Start-up, in order: host → local databases → restore from the host journal what the till lacks →
 * catalog (first start only, with progress) → the signed-in cashier, if any, and their open cart.
 */
export async function boot(): Promise<void> {
  const app = useAppStore.getState();
  let bridge: HostBridge;
  try {
    bridge = connectToHost();
  } catch (error) {
    if (error instanceof NoHostError) return useAppStore.setState({ phase: 'no-host' });
    throw error;
  }
  bridge.onConnection((connection) => {
    useAppStore.setState({ connection });
    if (connection === 'connected') void checkSessionAfterReconnect();
  });
  useAppStore.setState({ connection: bridge.connection() });
  app.setBoot('app.connectingHost');
  await waitConnected(bridge);
  const hello = await bridge.invoke('host.hello');
  applyHello(hello);
  const [persisted, profile, staff] = await Promise.all([
    requestPersistence(),
    bridge.invoke('store.profile'),
    bridge.invoke('staff.list'),
  ]);
  useAppStore.setState({ storagePersisted: persisted });

  app.setBoot('app.openingDatabase');
  const db = await openTillDatabase({ namespace: `${hello.storeId}-${hello.tillId}` });
  setServices({ bridge, db, hello, profile, staff });
  applyStoreProfile(profile);
  linkHostState(bridge);

  app.setBoot('app.restoring');
  await Promise.all(FISCAL_CHAINS.map((chain) => mirrorJournal(db.docs, bridge, chain)));

  const imported = await catalogImportState(db.catalog);
  // Only a till with no catalog at all waits for it; a partial one sells while the rest arrives.
  if (!imported || imported.imported === 0) {
    await importCatalog(
      db.catalog,
      (checkpoint, limit) => bridge.invoke('catalog.pull', { checkpoint, limit }),
      (s) =>
        app.setBoot('app.importingCatalog', {
          imported: s.imported,
          total: s.total,
          percent: s.total ? Math.floor((s.imported * 100) / s.total) : 0,
        }),
    );
  }

  void startHubLink().catch((error: unknown) => console.error('Hub link', error));
  bridge.on('printer.status', (printer) => useAppStore.setState({ printer }));
  linkDevices(bridge);
  feedCustomerDisplay();
  void bridge.invoke('printer.status').then(
    (printer) => useAppStore.setState({ printer }),
    () => undefined,
  );

  const current = await bridge.invoke('session.current');
  if (current) await enterSelling(current);
  else useAppStore.setState({ phase: 'signin' });
}

/** The cashier's till: their open cart back (a crash or reload loses nothing), or a new one. */
export async function enterSelling(staff: StaffMember): Promise<void> {
  const { db, profile, bridge } = services();
  useAppStore.setState({ staff, phase: 'selling', panel: 'search' });
  void resumePendingVoids().catch(() => undefined);
  const open = await db.docs.carts.findOne({ selector: { status: 'open' }, sort: [{ updatedAt: 'desc' }] }).exec();
  if (!open) return cartActions.start(staff.id, profile.currency);
  const doc = open.toMutableJSON() as CartDoc;
  // Quick switch: another cashier's cart (nothing paid yet) is parked under their name, waiting for them.
  if (doc.staffId !== staff.id && !doc.sale && doc.tenders.length === 0 && doc.cart.lines.length > 0) {
    await open.patch({ status: 'parked', updatedAt: new Date().toISOString() });
    return cartActions.start(staff.id, profile.currency);
  }
  if (doc.sale) {
    const sealed = await db.docs.sales.findOne(doc.sale.saleId).exec();
    if (sealed) {
      // Sealed before the interruption and restored from the journal: the cart is done with.
      await open.remove();
      cartActions.start(staff.id, profile.currency);
      useAppStore.getState().notify('info', 'done.restored', { number: saleReceiptNumber(sealed.record) });
      return;
    }
    cartActions.restore(doc, staff.id);
    useAppStore.getState().setPanel('payment');
    void completeSale();
    return;
  }
  cartActions.restore(doc, staff.id);
  if (doc.tenders.length > 0) useAppStore.getState().setPanel('payment');
  void mirrorJournal(db.docs, bridge, 'event').catch(() => undefined);
}

/** A host that restarted has forgotten who was signed in: back to the PIN screen, cart kept. */
async function checkSessionAfterReconnect(): Promise<void> {
  const app = useAppStore.getState();
  if (app.phase !== 'selling' && app.phase !== 'signin') return;
  try {
    await refreshHostState(services().bridge);
    if (app.phase !== 'selling') return;
    const current = await services().bridge.invoke('session.current');
    if (!current) useAppStore.setState({ phase: 'signin', staff: null });
  } catch {
    // Still unreachable: the connection state already says so.
  }
}

/** The person chosen on the sign-in screen, with their PIN: the host counts a wrong one against them only. */
export async function signIn(staffId: string, pin: string): Promise<void> {
  const { bridge } = services();
  let staff: StaffMember;
  try {
    staff = await bridge.invoke('session.signIn', { staffId, pin });
  } catch (error) {
    // Removed or disabled at the hub since the list was drawn: the list as the host has it now.
    const reason = error instanceof PosError ? error.details?.reason : undefined;
    if (reason === 'unknown-staff' || reason === 'staff-disabled') void bridge.invoke('staff.list').then(replaceStaff, () => undefined);
    throw error;
  }
  await enterSelling(staff);
}

export async function signOut(): Promise<void> {
  const { bridge } = services();
  await bridge.invoke('session.signOut');
  useAppStore.setState({ phase: 'signin', staff: null });
  // The host pulls the store's staff from the hub while the till runs: the next person picks from the list as it is now.
  void bridge.invoke('staff.list').then(replaceStaff, () => undefined);
}
