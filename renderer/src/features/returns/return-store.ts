import type { ApprovalRef, Cart, PrintOutcome, SaleDrawerResult, SaleLookup, SalePayloadV1, SealedRecord } from '@pos/core';
import { create } from 'zustand';
import type { Message } from '../../state/app-store';

/**
 * find: the receipt is asked for; lines: the original's lines, the quantities coming back chosen;
 * free: no receipt, a manager approved, the goods picked from the catalog; refunding: the terminal
 * refunds or the host seals (nothing may close the panel); done: sealed.
 */
export type ReturnStep = 'find' | 'lines' | 'free' | 'refunding' | 'done';

/** A return without the receipt: its cart (the goods coming back, at today's price) and the approval of it. */
export type FreeReturn = { readonly cart: Cart; readonly approval: ApprovalRef; readonly approverName: string };

/** What the panel says, in the page's language: a sentence, the host's refusal problem by problem, its words for support. */
export type ReturnSay = Message & { readonly problems?: readonly Message[]; readonly words?: string };

export type ReturnState = {
  readonly open: boolean;
  readonly step: ReturnStep;
  readonly busy: boolean;
  readonly found: SaleLookup | null;
  /** Quantity coming back per original line id. */
  readonly chosen: Readonly<Record<string, number>>;
  readonly free: FreeReturn | null;
  readonly say: ReturnSay | null;
  /** The return built and not sealed yet (a refusal or a lost reply): sealed again as is, never rebuilt after a card refund. */
  readonly pending: SalePayloadV1 | null;
  readonly sealed: SealedRecord<'sale'> | null;
  readonly print: PrintOutcome | 'printing' | null;
  readonly drawer: SaleDrawerResult | 'opening' | 'failed' | null;
};

export const EMPTY_RETURN: ReturnState = {
  open: false,
  step: 'find',
  busy: false,
  found: null,
  chosen: {},
  free: null,
  say: null,
  pending: null,
  sealed: null,
  print: null,
  drawer: null,
};

export const useReturnStore = create<ReturnState>()(() => EMPTY_RETURN);
