import { PROMOTION_CHANNELS, type Promotion, type PromotionChannel } from '@pos/core';
import type { PromotionBody, PromotionRead } from './catalog-api';
import { centsOf, euroText } from './price';

/** The benefits this editor writes; a rule of another kind is shown, not edited here. */
export const SIMPLE_BENEFITS = ['percent-off', 'amount-off'] as const;
export type SimpleBenefit = (typeof SIMPLE_BENEFITS)[number];

/** A promotion as typed: the value in percent or euros, targets separated by commas, times on the browser's clock. */
export type PromotionDraft = {
  readonly id: string;
  readonly name: string;
  readonly benefit: SimpleBenefit;
  readonly value: string;
  readonly targetKind: 'products' | 'category';
  readonly targets: string;
  readonly from: string;
  readonly to: string;
  readonly stores: string;
  readonly channels: readonly PromotionChannel[];
  /** The stored version the draft started from (0: a new rule): the hub refuses a save over a newer one. */
  readonly version: number;
  /** The stored rule, for what this editor does not show (priority, audience, coupon…), kept as it was. */
  readonly stored: Promotion | null;
};

export type DraftProblem = 'id' | 'name' | 'value' | 'targets' | 'window' | 'channels' | 'notSimple';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PERCENT = /^\d{1,3}([.,]\d{1,2})?$/;

export const EMPTY_PROMOTION: PromotionDraft = {
  id: '',
  name: '',
  benefit: 'percent-off',
  value: '',
  targetKind: 'category',
  targets: '',
  from: '',
  to: '',
  stores: '',
  channels: PROMOTION_CHANNELS,
  version: 0,
  stored: null,
};

const list = (text: string) => text.split(/[\s,;]+/).filter((s) => s !== '');

/** An ISO instant as a datetime-local input shows it (the browser's clock), or ''. */
function localTime(iso: string | undefined): string {
  if (iso === undefined) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function isSimple(promotion: Promotion): boolean {
  return (SIMPLE_BENEFITS as readonly string[]).includes(promotion.benefit.type);
}

export function draftOfPromotion({ promotion }: PromotionRead, locale: string): PromotionDraft {
  const { benefit } = promotion;
  const simple = benefit.type === 'percent-off' || benefit.type === 'amount-off' ? benefit : null;
  const category = simple?.target.categories?.[0];
  return {
    id: promotion.id,
    name: promotion.name,
    benefit: simple?.type ?? 'percent-off',
    value: simple === null ? '' : simple.type === 'percent-off' ? String(simple.bp / 100) : euroText(simple.amount, locale),
    targetKind: category !== undefined ? 'category' : 'products',
    targets: category ?? (simple?.target.productIds ?? []).join(', '),
    from: localTime(promotion.schedule?.from),
    to: localTime(promotion.schedule?.to),
    stores: (promotion.stores ?? []).join(', '),
    channels: promotion.channels ?? PROMOTION_CHANNELS,
    version: promotion.version,
    stored: promotion,
  };
}

function benefitOf(draft: PromotionDraft): Promotion['benefit'] | 'value' | 'targets' {
  const percent = draft.value.trim();
  const amount = draft.benefit === 'amount-off' ? (centsOf(draft.value) ?? 0) : 0;
  const bp = draft.benefit === 'percent-off' && PERCENT.test(percent) ? Math.round(Number(percent.replace(',', '.')) * 100) : 0;
  if (draft.benefit === 'amount-off' ? amount <= 0 : bp < 1 || bp > 10_000) return 'value';
  const names = draft.targetKind === 'category' ? [draft.targets.trim()].filter((c) => c !== '') : list(draft.targets);
  if (names.length === 0 || names.length > 1000 || names.some((n) => n.length > 64)) return 'targets';
  const target = draft.targetKind === 'category' ? { categories: names } : { productIds: names };
  return draft.benefit === 'amount-off' ? { type: 'amount-off', target, amount } : { type: 'percent-off', target, bp };
}

/** The body to PUT (the next version of the rule the draft started from), or the first thing to fix. */
export function bodyOfPromotion(draft: PromotionDraft): { readonly body: PromotionBody } | { readonly problem: DraftProblem } {
  if (draft.stored !== null && !isSimple(draft.stored)) return { problem: 'notSimple' };
  if (!ID.test(draft.id.trim())) return { problem: 'id' };
  const name = draft.name.trim();
  if (name === '' || name.length > 120) return { problem: 'name' };
  const benefit = benefitOf(draft);
  if (typeof benefit === 'string') return { problem: benefit };
  const from = draft.from === '' ? undefined : new Date(draft.from).toISOString();
  const to = draft.to === '' ? undefined : new Date(draft.to).toISOString();
  if (from !== undefined && to !== undefined && to <= from) return { problem: 'window' };
  if (draft.channels.length === 0) return { problem: 'channels' };
  const stores = list(draft.stores);
  const {
    id: _id,
    version: _version,
    schedule: _schedule,
    stores: _stores,
    channels: _channels,
    ...kept
  } = draft.stored ?? {
    id: '',
    version: 0,
    currency: 'EUR',
    priority: 0,
    stackable: false,
    audience: { kind: 'everyone' as const },
  };
  const schedule = { ...(draft.stored?.schedule ?? {}), from, to };
  return {
    body: {
      ...kept,
      name,
      benefit,
      ...(schedule.from !== undefined || schedule.to !== undefined || schedule.days || schedule.hours
        ? { schedule: JSON.parse(JSON.stringify(schedule)) as Promotion['schedule'] }
        : {}),
      ...(stores.length > 0 ? { stores } : {}),
      ...(draft.channels.length < PROMOTION_CHANNELS.length ? { channels: draft.channels } : {}),
      expectedVersion: draft.version,
    },
  };
}
