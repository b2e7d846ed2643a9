import { JET_CODES } from '@pos/core/fiscal/jet-codes';
import type { JetEntry, JetPage } from '@pos/core/sync/head-office-closings';
import type { OfficeClient } from '../../api/office-client';
import { queryString } from '../../app/query-string';
import { obj } from './closings-api';

export type { JetEntry, JetPage };

/** The JET list's filters as the page holds them: empty strings are no filter. */
export type JetFilters = { readonly tillId: string; readonly from: string; readonly to: string; readonly code: string };

export const NO_JET_FILTERS: JetFilters = { tillId: '', from: '', to: '', code: '' };

/** The JET codes an event can have, for the filter's choices. */
export const JET_CODE_CHOICES: readonly number[] = [...new Set([...Object.values(JET_CODES), 20, 30, 130])]
  .filter((code): code is number => code !== null)
  .sort((a, b) => a - b);

/** The filters as the route's query (empty ones left out): the list and its export ask the same. */
export function jetQuery(filters: JetFilters): Record<string, string | undefined> {
  return {
    tillId: filters.tillId.trim() || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    code: filters.code || undefined,
  };
}

function toEntry(v: unknown): JetEntry {
  const o = obj(v);
  const int = (x: unknown) => (typeof x === 'number' && Number.isSafeInteger(x) ? x : 0);
  return {
    tillId: typeof o.tillId === 'string' ? o.tillId : '',
    journal: int(o.journal),
    seq: int(o.seq),
    sealedAt: typeof o.sealedAt === 'string' ? o.sealedAt : '',
    type: typeof o.type === 'string' ? o.type : '',
    code: typeof o.code === 'number' ? o.code : null,
    staffId: typeof o.staffId === 'string' ? o.staffId : null,
    details: obj(o.details),
    status: typeof o.status === 'string' ? o.status : '',
  };
}

/** A page of GET /api/v1/admin/stores/:storeId/jet (100 entries), after `cursor` when given. */
export async function loadJet(client: OfficeClient, storeId: string, filters: JetFilters, cursor: string | null): Promise<JetPage> {
  const query = queryString({ ...jetQuery(filters), cursor: cursor ?? undefined });
  const answer = obj(await client.admin('GET', `/stores/${encodeURIComponent(storeId)}/jet${query}`));
  return {
    events: (Array.isArray(answer.events) ? answer.events : []).map(toEntry),
    next: typeof answer.next === 'string' ? answer.next : null,
  };
}
