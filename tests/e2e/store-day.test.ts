import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigratedDataDir } from '../../sync-server/src/test-support/migrated-data-dir';
import { startHubProcess, type HubProcess } from '../sync/hub-process';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { approveVariance, cashMenu as openCashMenu, saveZPdf } from '../support/cash-screens';
import { enrollTill, hubAdmin, type HubClosing, type HubClosingDetail } from '../support/enrolled-till';
import { freePort } from '../support/free-port';
import { setBrowserShift, shiftBrowserClock, shiftedClockEnv } from '../support/shifted-browser-clock';
import { journalCounts, journalRecords } from '../support/till-journal';
import { cartRows, donePanel, history, openPayment, scan, signIn } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const onions = demoProduct(100);
const milk = demoProduct(104);
const FLOAT = 10_000;
const PAY_OUT = 1_000;

/** The business day lived (10:00 in Paris), then "next month". Past dates: the hub takes records of any age. */
const DAY = '2026-10-15';
const DAY_START = Date.parse(`${DAY}T08:00:00.000Z`);
const NEXT_MONTH_START = Date.parse('2026-11-03T08:00:00.000Z');

/** Amounts as the French screens write them ("100,00 €", no-break spaces made plain). */
const euros = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A report's figures as shown: each label of its totals and cash lists with its value. */
async function shownFigures(report: Locator): Promise<Record<string, string>> {
  const lists = report.locator('dl.cash-figures');
  await lists.first().waitFor();
  const pairs = await lists.evaluateAll((dls) =>
    dls.flatMap((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])),
  );
  return Object.fromEntries(pairs.map(([k, v]) => [plain(k!), plain(v!)]));
}

/**
 * A store manager's whole day at a real till host in Chromium, synced with a real hub process,
 * then the next month: the float, a sale of two lines, one line returned, cash taken out, the X,
 * the blind count with a variance a manager accepts, the Z printed and saved as a PDF, the daily
 * closing, the monthly closing; the hub recomputes the Z and the day from the sealed records and
 * finds the till's figures. Between every two steps the till host is killed (kill -9) and started
 * again: nothing is lost or doubled (the journal, the history, the cash screen, the X).
 *
 * The till's clock (its host's and its screen's, one machine) is shifted by a test-only preload
 * and init script: no clock backdoor in the product.
 */
describe.skipIf(!browserAvailable())('a store manager’s day and the next month, with the hub', () => {
  let dataDir: string;
  let hubDir: string;
  let hubLog = '';
  let hub: HubProcess;
  let port: number;
  let till: TillProcess;
  let context: BrowserContext;
  let page: Page;
  let printerFile: string;
  let shift = DAY_START - Date.now();
  const env = () => ({ POS_PRINTER: `file:${printerFile}`, ...shiftedClockEnv(shift) });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-day-till-'));
    hubDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-day-hub-'));
    printerFile = path.join(dataDir, 'printer.bin');
    // From the migrated template: the hub's first start spends no initdb nor migrations.
    await seedMigratedDataDir(hubDir);
    hub = await startHubProcess({ port: await freePort(), dataDir: hubDir, args: ['--demo'] });
    // The hub's log, its errors said when its recomputation is not what the test expects.
    for (const stream of [hub.child.stdout, hub.child.stderr])
      stream?.on('data', (d: Buffer) => (hubLog = (hubLog + d.toString()).slice(-20_000)));
    await enrollTill(dataDir, hub.url, hubDir);
    port = await freePort();
    shift = DAY_START - Date.now();
    till = await startTill({ dataDir, port, env: env(), args: ['--no-hub'] });
    context = (await launchChromium()).context;
    await shiftBrowserClock(context);
    page = await openTill(context, till.url);
    await setBrowserShift(page, shift);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(till.url);
    await signIn(page, '5678');
  });
  afterAll(async () => {
    await context?.close();
    await till?.stop();
    await hub?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (hubDir) await rm(hubDir, { recursive: true, force: true });
  });

  /** A power cut: kill -9, the host again on the same port and data, the page reloaded (same origin, same IndexedDB), signed in. */
  const powerCut = async () => {
    await till.kill9();
    till = await startTill({ dataDir, port, env: env(), args: ['--no-hub'] });
    await page.goto(till.url);
    await signIn(page, '5678');
  };

  /** Exactly these records in the journal, none sealed twice. */
  const expectJournal = async (counts: Record<string, number>) => {
    const journal = await journalCounts(dataDir);
    expect(journal.doubled).toEqual([]);
    const watched = Object.fromEntries(Object.keys(counts).map((k) => [k, journal.counts[k] ?? 0]));
    expect(watched).toEqual(counts);
  };

  /** The receipts the history lists today, exactly. */
  const expectHistory = async (receipts: readonly string[]) => {
    const panel = await history(page);
    const listed = () =>
      panel
        .getByRole('button', { name: /^Voir le ticket/ })
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
    await expect.poll(async () => (await listed()).map((l) => l.replace('Voir le ticket ', '')).sort()).toEqual([...receipts].sort());
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  };

  const cashMenu = () => openCashMenu(page);
  /** Escape, then Escape again from the cash menu a report or the closings panel goes back to: the sale screen. */
  const closeDialog = async (dialog: Locator) => {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
    if (await menu.count()) await closeDialog(menu);
  };

  const openX = async () => {
    const menu = await cashMenu();
    await menu.getByRole('button', { name: 'Rapport X' }).click();
    const x = page.getByRole('dialog', { name: 'Rapport X (sans remise à zéro)' });
    return { x, figures: await shownFigures(x) };
  };

  it('lives the day, then closes the month; every step survives kill -9; the hub finds the same figures', async () => {
    const started = Date.now();
    const base = {
      sale: 0,
      return: 0,
      'cash.session.open': 0,
      'cash.movement': 0,
      'cash.count': 0,
      'cash.session.close': 0,
      'closing.z': 0,
      'closing.day': 0,
      'closing.month': 0,
    };

    // 1. The session opens with a float of 5 × 20 €.
    let menu = await cashMenu();
    await menu.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    const open = page.getByRole('dialog', { name: 'Ouvrir la caisse : fond de caisse' });
    await open.getByLabel('Nombre de billets de 20 €').fill('5');
    await open.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await expect
      .poll(async () => plain(await page.locator('body').innerText()))
      .toContain(`Caisse ouverte avec un fond de ${euros(FLOAT)}.`);
    await page.keyboard.press('Escape');
    await powerCut();
    await expectJournal({ ...base, 'cash.session.open': 1 });
    menu = await cashMenu();
    await expect.poll(async () => plain(await menu.innerText())).toContain(`Fond de caisse : ${euros(FLOAT)}. Mouvements d’espèces : 0.`);
    // The host's clock and the screen's are the shifted ones: the session is of the day lived.
    expect(plain(await menu.innerText())).toMatch(/Caisse ouverte le 15\/10\/2026 10:0\d par Sophie \(journée du 15\/10\/2026\)/);
    await closeDialog(menu);

    // 2. A sale of two lines, paid in cash.
    await scan(page, onions.barcodes[0]!);
    await scan(page, milk.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(2);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    const receipt = /Ticket n° (\S+)/.exec(await donePanel(page).innerText())?.[1];
    expect(receipt).toBe('S001-T01-000001');
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
    await powerCut();
    await expectJournal({ ...base, 'cash.session.open': 1, sale: 1 });
    await expectHistory([receipt!]);

    // 3. The milk comes back, through the returns screen, refunded in cash.
    await page.keyboard.press('F10');
    const returns = page.getByRole('dialog', { name: 'Retour d’articles' });
    await returns.getByLabel(/^Ticket de la vente/).fill(receipt!);
    await returns.getByRole('button', { name: 'Chercher' }).click();
    await returns.getByRole('button', { name: `Un de plus pour ${milk.name}` }).click();
    await returns.getByRole('button', { name: 'Rembourser en espèces' }).click();
    await expect.poll(() => returns.innerText()).toMatch(/Retour enregistré : avoir n° S001-T01-000002\./);
    await closeDialog(returns);
    await powerCut();
    await expectJournal({ ...base, 'cash.session.open': 1, sale: 1, return: 1 });
    await expectHistory([receipt!, 'S001-T01-000002']);
    // The line returned stays returned: nothing of it is left to give back.
    await page.keyboard.press('F10');
    await returns.getByLabel(/^Ticket de la vente/).fill(receipt!);
    await returns.getByRole('button', { name: 'Chercher' }).click();
    await returns.getByRole('button', { name: `Un de plus pour ${milk.name}` }).click();
    await expect
      .poll(() => returns.getByRole('alert').innerText())
      .toContain(`${milk.name} : plus rien à retourner (1 vendu(s), 1 déjà retourné(s)).`);
    await closeDialog(returns);

    // 4. Cash out: 10 € for supplies.
    menu = await cashMenu();
    await menu.getByRole('button', { name: 'Apport / retrait' }).click();
    const move = page.getByRole('dialog', { name: 'Apport ou retrait d’espèces' });
    await move.getByLabel('Montant').fill(String(PAY_OUT / 100));
    await move.getByRole('button', { name: 'Achat de fournitures' }).click();
    await move.getByRole('button', { name: 'Valider' }).click();
    menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
    await expect.poll(() => menu.innerText()).toContain('Mouvements d’espèces : 1.');
    await closeDialog(menu);
    await powerCut();
    const afterDay = { ...base, 'cash.session.open': 1, sale: 1, return: 1, 'cash.movement': 1 };
    await expectJournal(afterDay);
    menu = await cashMenu();
    await expect.poll(async () => plain(await menu.innerText())).toContain(`Fond de caisse : ${euros(FLOAT)}. Mouvements d’espèces : 1.`);
    await closeDialog(menu);

    // 5. The X report: its figures are the sealed records' (summed here from the journal).
    const records = await journalRecords(dataDir);
    const sales = records.filter((r) => r.chain === 'sale');
    const total = (kind: string) => sales.filter((r) => r.payload.kind === kind).reduce((sum, r) => sum + Number(r.payload.total), 0);
    const cashOf = (kind: string) =>
      sales
        .filter((r) => r.payload.kind === kind)
        .flatMap((r) => (r.payload.tenders as { method: string; amount: number }[]).filter((t) => t.method === 'cash'))
        .reduce((sum, t) => sum + t.amount, 0);
    expect(total('sale')).toBe(onions.price + milk.price);
    expect(total('return')).toBe(milk.price);
    const expectedCash = FLOAT + cashOf('sale') - cashOf('return') - PAY_OUT;
    expect(expectedCash).toBe(FLOAT + onions.price - PAY_OUT);
    const { x, figures: xFigures } = await openX();
    expect(xFigures).toMatchObject({
      Tickets: '1 vente(s), 1 retour(s)',
      'Ventes TTC': euros(total('sale')),
      'Retours TTC': euros(total('return')),
      'Net TTC': euros(total('sale') - total('return')),
      'Fond de caisse': euros(FLOAT),
      'Espèces attendues': euros(expectedCash),
    });
    await closeDialog(x);
    await powerCut();
    await expectJournal(afterDay);
    const again = await openX();
    expect(again.figures).toEqual(xFigures);
    await closeDialog(again.x);

    // 6. The blind count: 80 € in the drawer, more than the limit short of what is expected.
    menu = await cashMenu();
    await menu.getByRole('button', { name: 'Clôturer la caisse' }).click();
    const count = page.getByRole('dialog', { name: 'Clôturer la caisse : comptage' });
    await count.getByLabel('Nombre de billets de 20 €').fill('4');
    expect(await page.locator('body').innerText()).not.toMatch(/Attendu|Espèces attendues|Écart/);
    await count.getByRole('button', { name: 'Enregistrer le comptage' }).click();
    await page.getByRole('dialog', { name: 'Écart de caisse : accord d’un responsable' }).waitFor();
    await powerCut();
    await expectJournal({ ...afterDay, 'cash.count': 1 });
    // The count was kept: the close resumes at the manager's approval, not at a second count.
    menu = await cashMenu();
    await expect.poll(() => menu.innerText()).toContain('comptage enregistré, la clôture attend l’accord d’un responsable');
    await menu.getByRole('button', { name: 'Terminer la clôture' }).click();
    const closed = await approveVariance(page, 'Erreur de comptage', '5678');

    // 7. The Z: printed at the close, saved as a PDF; its figures are the X's (nothing sold since).
    const z = closed.getByRole('region', { name: 'Rapport Z n° 1' });
    await z.waitFor();
    expect(await closed.innerText()).toContain('Écart accepté par Sophie : Erreur de comptage');
    const zFigures = await shownFigures(z);
    expect(zFigures).toEqual(xFigures);
    expect((await saveZPdf(page, z)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printedZ = async () => (await readFile(printerFile, 'latin1').catch(() => '')).split('RAPPORT Z').length - 1;
    await expect.poll(printedZ).toBe(1);
    await closeDialog(closed);
    await powerCut();
    const afterZ = { ...afterDay, 'cash.count': 1, 'cash.session.close': 1, 'closing.z': 1 };
    await expectJournal(afterZ);
    // Printed once: the restart prints nothing again.
    expect(await printedZ()).toBe(1);
    await expectHistory([receipt!, 'S001-T01-000002']);
    menu = await cashMenu();
    await expect.poll(() => menu.innerText()).toContain('Aucune caisse ouverte');

    // 8. The daily closing, from the closings panel (today's business day is proposed).
    await menu.getByRole('button', { name: 'Clôtures' }).click();
    let closings = page.getByRole('dialog', { name: 'Clôtures fiscales' });
    await closings.getByRole('button', { name: `Sceller ${DAY}` }).click();
    await closings.getByText('Clôture scellée (1 enregistrement(s)).').waitFor();
    await closeDialog(closings);
    await powerCut();
    await expectJournal({ ...afterZ, 'closing.day': 1 });

    // 9. Next month: the till's clock is in November; October's monthly closing.
    shift += NEXT_MONTH_START - DAY_START;
    await setBrowserShift(page, shift);
    await powerCut();
    menu = await cashMenu();
    await menu.getByRole('button', { name: 'Clôtures' }).click();
    closings = page.getByRole('dialog', { name: 'Clôtures fiscales' });
    await closings.getByRole('button', { name: 'Clôture du mois' }).click();
    await closings.getByRole('button', { name: 'Sceller 2026-10' }).click();
    await closings.getByText('Clôture scellée (1 enregistrement(s)).').waitFor();
    await closeDialog(closings);
    await powerCut();
    await expectJournal({ ...afterZ, 'closing.day': 1, 'closing.month': 1 });
    menu = await cashMenu();
    await menu.getByRole('button', { name: 'Clôtures' }).click();
    closings = page.getByRole('dialog', { name: 'Clôtures fiscales' });
    const listed = closings.getByRole('table', { name: 'Dernières clôtures' });
    await expect.poll(async () => plain(await listed.innerText())).toMatch(/Mois 2026-10 .*Jour 2026-10-15 .*Z n° 1/);
    // Asked again, the month is not sealed a second time.
    await closings.getByRole('button', { name: 'Clôture du mois' }).click();
    await closings.getByRole('button', { name: 'Sceller 2026-10' }).click();
    await closings.getByText('Clôture scellée (1 enregistrement(s)).').waitFor();
    await expectJournal({ ...afterZ, 'closing.day': 1, 'closing.month': 1 });
    await closeDialog(closings);

    // 10. The hub recomputed the Z and the daily closing from the sealed records it received: both match.
    const admin = await hubAdmin(hubDir);
    const hubClosings = async () => (await admin<{ closings: HubClosing[] }>('/api/v1/admin/stores/S001/closings')).closings;
    const checked = async () => (await hubClosings()).filter((c) => c.kind === 'z' || c.kind === 'day');
    await expect
      .poll(async () => (await checked()).map((c) => `${c.kind} ${c.businessDate} ${c.status}`), {
        timeout: 60_000,
        message: 'the hub’s recomputation of the Z and the day',
      })
      .toEqual([`z ${DAY} match`, `day ${DAY} match`])
      .catch((error: Error) => {
        const said = hubLog.split('\n').filter((line) => /"level":(40|50|60)/.test(line));
        throw new Error(`${error.message}\nThe hub said:\n${said.slice(-10).join('\n')}`, { cause: error });
      });
    // The hub holds each record once: two sales, the Z, the day and the month, no break.
    type Chains = { tills: { tillId: string; chains: { chain: string; verifiedSeq: number; breaks: number }[] }[] };
    const chains = async () => (await admin<Chains>('/api/v1/admin/stores/S001/chains')).tills.flatMap((t) => t.chains);
    const seqOf = async (chain: string) => (await chains()).find((c) => c.chain === chain)?.verifiedSeq;
    await expect.poll(() => seqOf('closing'), { timeout: 30_000 }).toBe(3);
    expect(await seqOf('sale')).toBe(2);
    expect((await chains()).filter((c) => c.breaks > 0)).toEqual([]);
    // The month too: recomputed at the hub from the daily closings it holds, and nothing else listed.
    await expect
      .poll(async () => (await hubClosings()).filter((c) => c.kind === 'month').map((c) => `${c.businessDate} ${c.status}`), {
        timeout: 30_000,
      })
      .toEqual([`${DAY.slice(0, 7)} match`]);
    expect((await hubClosings()).map((c) => `${c.kind} ${c.status}`).sort()).toEqual(['day match', 'month match', 'z match']);
    for (const c of await checked()) {
      const detail = await admin<HubClosingDetail>(`/api/v1/admin/stores/S001/closings/${c.tillId}/${c.seq}`);
      expect(detail.differences).toEqual([]);
      if (c.kind === 'z') {
        const sealed = detail.record.payload as ZPayload;
        const recomputed = detail.recomputed as ZPayload;
        // The hub's figures are the till's Z, as sealed and as shown on its screen.
        expect(recomputed.figures.totals).toEqual(sealed.figures.totals);
        expect(recomputed.figures.cash).toEqual(sealed.figures.cash);
        expect(euros(recomputed.figures.totals.total.net)).toBe(zFigures['Net TTC']);
        expect(euros(recomputed.figures.totals.total.sales)).toBe(zFigures['Ventes TTC']);
        expect(euros(recomputed.figures.totals.total.returns)).toBe(zFigures['Retours TTC']);
        expect(euros(recomputed.figures.cash.expected)).toBe(zFigures['Espèces attendues']);
      } else {
        expect(detail.recomputed).toEqual(detail.record.payload);
      }
    }
    console.log(`store-day scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

/** The few fields of a Z payload compared here. */
type ZPayload = {
  readonly figures: {
    readonly totals: { readonly total: { readonly sales: number; readonly returns: number; readonly net: number } };
    readonly cash: { readonly expected: number };
  };
};
