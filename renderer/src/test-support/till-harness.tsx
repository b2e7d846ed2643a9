import 'fake-indexeddb/auto';
import { demoStoreProfile, type StaffMember, type StoreProfile } from '@pos/core';
import { render, type RenderResult } from '@testing-library/react';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../app/App';
import { importCatalog } from '../db/catalog-import';
import { closeTillDatabase, openTillDatabase, type TillDatabase } from '../db/database';
import { demoCatalogPageForTest } from '../db/test-support/demo-pull';
import { createI18n, type Locale } from '../i18n/i18n';
import { useAppStore } from '../state/app-store';
import { cartActions, persistCart, useCartStore } from '../state/cart-store';
import { useDeviceStore } from '../state/device-store';
import { useDialogStore } from '../state/dialog-store';
import { setServices } from '../state/services';
import { useSyncStore } from '../state/sync-store';
import { createFakeBridge, TEST_HELLO, type FakeBridge } from './fake-bridge';

export const CASHIER: StaffMember = { id: 'staff-camille', displayName: 'Camille', role: 'cashier' };

export type Till = FakeBridge & { readonly db: TillDatabase; readonly profile: StoreProfile };

let opened = 0;

/**
 * A till ready to sell, without a host: real databases (fake-indexeddb) holding the demo
 * catalog, a fake bridge, Camille signed in, an empty cart, the search panel open.
 */
export async function startTill(options: { catalogSize?: number; staff?: StaffMember } = {}): Promise<Till> {
  const fake = createFakeBridge();
  const db = await openTillDatabase({ namespace: `test-${++opened}-${Date.now().toString(36)}` });
  await importCatalog(db.catalog, demoCatalogPageForTest(options.catalogSize ?? 400));
  const profile = demoStoreProfile(TEST_HELLO.storeId, TEST_HELLO.tillId);
  setServices({ bridge: fake.bridge, db, hello: TEST_HELLO, profile, staff: fake.staff });
  const staff = options.staff ?? CASHIER;
  fake.signedIn = staff;
  useAppStore.setState({
    phase: 'selling',
    staff,
    connection: 'connected',
    panel: 'search',
    notice: null,
    searchText: '',
    searchFocusToken: 0,
    helpOpen: false,
    locale: 'fr',
    fiscal: { state: 'ok' },
    needsSetup: false,
    tillId: TEST_HELLO.tillId,
  });
  useDialogStore.setState({ request: null, resolve: null });
  // Panels are overlays: one left open by a test would cover the next test's till.
  useDeviceStore.setState({ panelOpen: false });
  useSyncStore.setState({ panelOpen: false });
  cartActions.start(staff.id, profile.currency);
  useCartStore.setState({ lastSale: null, terminalBusy: false });
  // The same object, not a copy: tests set `till.terminal` and the fake bridge must see it.
  return Object.assign(fake, { db, profile });
}

/** Lets pending cart writes finish, then closes the databases. */
export async function stopTill(): Promise<void> {
  await persistCart();
  useDialogStore.getState().resolve?.(null);
  useDialogStore.setState({ request: null, resolve: null });
  await closeTillDatabase();
  setServices(null);
}

/** The whole till screen, as main.tsx mounts it (StrictMode included), in French unless asked otherwise. */
export function renderTill(locale: Locale = 'fr'): RenderResult {
  useAppStore.setState({ locale });
  const i18n = createI18n(locale);
  return render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
