import type { FigureValue } from '@pos/core/fiscal/archive/closing-figures';
import {
  CLOSING_KINDS,
  type ClosingDetail,
  type ClosingKind,
  type ClosingSummary,
  type ClosingTotals,
} from '@pos/core/sync/head-office-closings';
import type { OfficeClient } from '../../api/office-client';

// The hub's own way of naming a closing's figures, so the detail marks exactly the paths its differences name.
export { figureValues } from '@pos/core/fiscal/archive/closing-figures';

/**
 * The closings and chain routes' answers (sync-server/src/http/closing-routes.ts, fiscal-routes.ts),
 * read defensively: a field the hub left out shows as empty rather than breaking the page.
 */
export { CLOSING_KINDS };
export type { ClosingDetail, ClosingKind, ClosingSummary, ClosingTotals };

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
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const figureOf = (v: unknown): FigureValue => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null);

function toTotals(v: unknown): ClosingTotals {
  const o = obj(v);
  return {
    currency: stringOrNull(o.currency),
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
    sessionId: stringOrNull(o.sessionId),
    businessDate: stringOrNull(o.businessDate),
    sealedAt: str(o.sealedAt),
    status: str(o.status),
    differences: list(o.differences).map((d) => ({
      figure: str(obj(d).figure),
      sealed: figureOf(obj(d).sealed),
      recomputed: figureOf(obj(d).recomputed),
    })),
    missing: list(o.missing).map((m) => ({
      chain: str(obj(m).chain),
      from: num(obj(m).from),
      to: typeof obj(m).to === 'number' ? (obj(m).to as number) : null,
      why: str(obj(m).why),
    })),
    problem: stringOrNull(o.problem),
    checkedAt: str(o.checkedAt),
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
