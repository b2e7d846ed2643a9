import { DEMO_STAFF } from '@pos/core';
import type { CDPSession, Locator, Page } from 'playwright-core';

/** The sign-in screen's tile of a person, by their name. */
export function staffTile(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Qui êtes-vous ?' }).getByRole('button', { name, exact: true });
}

/**
 * Actions a cashier does, by role and label as a screen reader would find them (French UI).
 * Signs in as the person whose tile bears `name` (a demo PIN names its demo person).
 */
export async function signIn(page: Page, pin: string, name = DEMO_STAFF.find((s) => s.pin === pin)?.displayName): Promise<void> {
  if (!name) throw new Error(`PIN ${pin} is no demo person's: say whose it is`);
  const tile = staffTile(page, name);
  const ready = page.locator('html[data-ready="scan"]');
  // The host keeps its cashier signed in across page loads: a reload may land straight on the sale screen.
  await tile.or(ready).first().waitFor({ timeout: 30_000 });
  if (await ready.count()) return;
  await tile.click();
  const field = page.getByLabel('Code personnel', { exact: true });
  await field.fill(pin);
  await field.press('Enter');
  await ready.waitFor({ timeout: 30_000 });
}

const sessions = new WeakMap<Page, CDPSession>();

/** Ctrl+], the keystroke a keyboard-wedge scanner types for the GS1 separator (ASCII 29): no text, the Ctrl modifier. */
const GROUP_SEPARATOR_KEY = { key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2 };

function keyEvents(key: string): { type: 'keyDown' | 'keyUp'; [field: string]: unknown }[] {
  if (key === '\u001d') {
    return [
      { type: 'keyDown', ...GROUP_SEPARATOR_KEY },
      { type: 'keyUp', ...GROUP_SEPARATOR_KEY },
    ];
  }
  const enter = key === 'Enter';
  const base = enter
    ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }
    : {
        key,
        code: /[0-9]/.test(key) ? `Digit${key}` : key === ']' ? 'BracketRight' : `Key${key.toUpperCase()}`,
        windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0),
        text: key,
        unmodifiedText: key,
      };
  const { text: _t, unmodifiedText: _u, ...up } = base as Record<string, unknown>;
  return [
    { type: 'keyDown', ...base },
    { type: 'keyUp', ...up },
  ];
}

/** A scanner types a key every 2 ms or so. */
const SCANNER_KEY_GAP_S = 0.002;

/**
 * A keyboard-wedge scanner: the code's keys then Enter, as one burst. The key events go to the
 * browser together (not one round trip each), each stamped 2 ms after the one before, as the
 * operating system stamps a real scanner's keys when they arrive: a busy test machine may deliver
 * them late, but cannot stretch the gaps the till measures between them. A GS1 separator in the
 * code ("\u001d") is typed as Ctrl+], as a wedge scanner does.
 */
export async function scan(page: Page, code: string): Promise<void> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const cdp = session;
  // The Enter is stamped now (what a scan's latency is measured from), the code's keys just before it.
  const start = Date.now() / 1000 - code.length * SCANNER_KEY_GAP_S;
  const events = [...code, 'Enter']
    .flatMap(keyEvents)
    .map((event, i) => ({ ...event, timestamp: start + Math.floor(i / 2) * SCANNER_KEY_GAP_S }));
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
}

export function cart(page: Page): Locator {
  return page.getByRole('table', { name: 'Panier' });
}

export function cartRows(page: Page): Locator {
  return cart(page).locator('tbody tr');
}

export async function total(page: Page): Promise<string> {
  return (await page.getByTestId('cart-total').innerText()).replace(/\s/g, ' ');
}

export async function openPayment(page: Page): Promise<Locator> {
  await page.keyboard.press('F12');
  const region = page.getByRole('region', { name: 'Encaissement' });
  await region.waitFor();
  return region;
}

export async function payCash(page: Page, amount: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Encaissement' });
  await region.getByLabel('Montant reçu').fill(amount);
  await region.getByRole('button', { name: 'Valider les espèces' }).click();
}

export async function payCard(page: Page, amount: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Encaissement' });
  await region.getByLabel('Montant carte').fill(amount);
  await region.getByRole('button', { name: 'Payer par carte' }).click();
}

export function donePanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Vente terminée' });
}

/** Answers the open modal: presses a toggle if asked (the discount's "Montant"), fills the labelled fields, then confirms. */
export async function answerDialog(page: Page, fields: Record<string, string>, toggle?: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (toggle) await dialog.getByRole('button', { name: toggle, exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Valider' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function history(page: Page): Promise<Locator> {
  await page.keyboard.press('F9');
  const region = page.getByRole('region', { name: 'Ventes de cette caisse' });
  await region.waitFor();
  return region;
}

/** The sync badge of the status bar (its accessible name says online/offline, waiting, last sync). */
export function syncBadge(page: Page): Locator {
  return page.getByRole('button', { name: /^Synchro:/ });
}

/** Scans one code and takes the exact amount in cash. */
export async function sellExact(page: Page, code: string): Promise<void> {
  await scan(page, code);
  await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
  await donePanel(page).waitFor();
}

/** A real till's first start (no demo staff): its first manager is set up on the till itself. */
export async function setUpFirstManager(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('heading', { name: 'Premier responsable de la caisse' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Nom du responsable').fill(name);
  await page.getByLabel('Code personnel (4 à 6 chiffres)').fill(pin);
  await page.getByLabel('Le même code, une seconde fois').fill(pin);
  await page.getByRole('button', { name: 'Créer le responsable' }).click();
  await staffTile(page, name).waitFor();
}
