import type { ClosingTotals } from '@pos/core/sync/head-office-closings';
import type { OfficeClient } from '../../api/office-client';

// The hub's own way of naming a closing's figures, so the detail marks exactly the paths its differences name.
export { figureValues } from '@pos/core/fiscal/archive/closing-figures';

/**
 * The closings and chain routes' answers (sync-server/src/http/closing-routes.ts, fiscal-routes.ts),
 * read defensively: a field the hub left out shows as empty rather than breaking the page.
 */
export const CLOSING_KINDS = ['z', 'day', 'month', 'year'] as const;
export type ClosingKind = (typeof CLOSING_KINDS)[number];

export type Difference = { readonly figure: string; readonly sealed: unknown; readonly recomputed: unknown };
/** Records a pending closing waits for: a chain's sequences from…to (to null: open-ended). */
export type Missing = { readonly chain: string; readonly from: number; readonly to: number | null };

export type { ClosingTotals };

export type ClosingSummary = {
  readonly tillId: string;
  readonly seq: number;
  readonly journal: number;
  readonly kind: ClosingKind;
  readonly businessDate: string | null;
  readonly sealedAt: string;
  readonly status: string;
  readonly differences: readonly Difference[];
  readonly missing: readonly Missing[];
  readonly problem: string | null;
  readonly totals: ClosingTotals;
};

export type ClosingDetail = ClosingSummary & { readonly record: unknown; readonly recomputed: unknown };

export type ChainState = {
  readonly chain: string;
  readonly journal: number;
  readonly verifiedSeq: number;
  readonly pendingRecords: number;
  readonly breaks: number;
};
export type TillChains = { readonly tillId: string; readonly invalidSales: number; readonly chains: readonly ChainState[] };

export type ChainBreak = {
  readonly tillId: string;
  readonly chain: string;
  readonly journal: number;
  readonly seq: number;
  readonly code: string;
  readonly problem: string;
  readonly foundAt: string;
  readonly record: unknown;
};

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const integerOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function toTotals(v: unknown): ClosingTotals {
  const o = obj(v);
  return {
    currency: typeof o.currency === 'string' ? o.currency : null,
    net: integerOrNull(o.net),
    tickets: integerOrNull(o.tickets),
    cashVariance: integerOrNull(o.cashVariance),
  };
}

function toSummary(v: unknown): ClosingSummary {
  const o = obj(v);
  const kind = (CLOSING_KINDS as readonly string[]).includes(str(o.kind)) ? (o.kind as ClosingKind) : 'z';
  return {
    tillId: str(o.tillId),
    seq: num(o.seq),
    journal: num(o.journal),
    kind,
    businessDate: typeof o.businessDate === 'string' ? o.businessDate : null,
    sealedAt: str(o.sealedAt),
    status: str(o.status),
    differences: list(o.differences).map((d) => ({ figure: str(obj(d).figure), sealed: obj(d).sealed, recomputed: obj(d).recomputed })),
    missing: list(o.missing).map((m) => ({
      chain: str(obj(m).chain),
      from: num(obj(m).from),
      to: typeof obj(m).to === 'number' ? (obj(m).to as number) : null,
    })),
    problem: typeof o.problem === 'string' ? o.problem : null,
    totals: toTotals(o.totals),
  };
}

const path = (storeId: string, rest: string) => `/stores/${encodeURIComponent(storeId)}${rest}`;

export async function loadClosings(client: OfficeClient, storeId: string): Promise<ClosingSummary[]> {
  return list(obj(await client.admin('GET', path(storeId, '/closings'))).closings).map(toSummary);
}

export async function loadClosing(client: OfficeClient, storeId: string, tillId: string, seq: number): Promise<ClosingDetail> {
  const answer = await client.admin('GET', path(storeId, `/closings/${encodeURIComponent(tillId)}/${seq}`));
  return { ...toSummary(answer), record: obj(answer).record, recomputed: obj(answer).recomputed };
}

export async function loadChains(client: OfficeClient, storeId: string): Promise<TillChains[]> {
  return list(obj(await client.admin('GET', path(storeId, '/chains'))).tills).map((t) => ({
    tillId: str(obj(t).tillId),
    invalidSales: num(obj(t).invalidSales),
    chains: list(obj(t).chains).map((c) => {
      const o = obj(c);
      return {
        chain: str(o.chain),
        journal: num(o.journal),
        verifiedSeq: num(o.verifiedSeq),
        pendingRecords: num(obj(o.pending).records),
        breaks: num(o.breaks),
      };
    }),
  }));
}

export async function loadBreaks(client: OfficeClient, storeId: string): Promise<ChainBreak[]> {
  return list(obj(await client.admin('GET', path(storeId, '/chain-breaks'))).breaks).map((b) => {
    const o = obj(b);
    return {
      tillId: str(o.tillId),
      chain: str(o.chain),
      journal: num(o.journal),
      seq: num(o.seq),
      code: str(o.code),
      problem: str(o.problem),
      foundAt: str(o.foundAt),
      record: o.record ?? null,
    };
  });
}
