import { PosError, SYNC_COLLECTIONS } from '@pos/core';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createI18n, type Locale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { reportSyncError, reportSyncIssue, useSyncStore } from '../../state/sync-store';
import { SyncIssueList } from './SyncIssueList';

afterEach(() => useSyncStore.setState({ issues: [] }));

function showIssues(locale: Locale = 'fr'): HTMLElement {
  useAppStore.setState({ locale });
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <SyncIssueList issues={useSyncStore.getState().issues} />
    </I18nextProvider>,
  );
  return screen.getByRole('list');
}

describe('the sync panel’s errors', () => {
  it('says each issue in words, with its time and data, never “[object Object]” nor the hub’s English', () => {
    // What RxDB hands over when a push fails: not an Error, an object.
    reportSyncError('sales', { code: 'HUB_REFUSED', message: 'push refused: 409', details: { status: 409 } });
    reportSyncError('till_records', { rxdb: true });
    reportSyncIssue('sales', { key: 'sync.issue.refused', values: { id: 'sale-42' } }, 'storeId does not match the device');
    reportSyncIssue('customers', { key: 'sync.issue.conflicts', values: { count: 2 } });
    const items = within(showIssues())
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items).toHaveLength(4);
    for (const text of items) {
      expect(text).not.toMatch(/object Object|undefined/);
      expect(text).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
    }
    expect(items[0]).toContain('Clients · 2 modification(s) en conflit');
    expect(items[1]).toContain('Ventes · Document sale-42 refusé par le serveur central');
    // The hub's own words are there for support, folded under their own label.
    expect(items[1]).toContain('Détails pour le support');
    expect(items[1]).toContain('storeId does not match the device');
    expect(items[2]).toContain('Journal de caisse · Erreur inattendue.');
    expect(items[3]).toContain('Ventes · Le serveur central a refusé la demande.');
  });

  it('speaks English on an English screen', () => {
    reportSyncError('catalog', new PosError('NOT_ENROLLED', 'This till is not enrolled'));
    expect(showIssues('en').textContent).toContain('Catalogue · This till is not enrolled with a hub yet.');
  });

  it('names every collection in both languages', () => {
    for (const name of [...SYNC_COLLECTIONS.map((c) => c.name), 'catalog'] as const) {
      expect(fr.sync.collections[name], name).toBeTruthy();
      expect(en.sync.collections[name], name).toBeTruthy();
    }
  });
});
