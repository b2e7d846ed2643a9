import type { ApprovalRef } from '../approval/approval';
import type { CashCount } from '../cash/cash-count';
import type { TenderClose } from '../cash/cash-session-payloads';
import type { SessionXReport } from '../cash/session-report';
import type { CashMovementKind } from '../closing/cash-expected';
import type { ZFigures } from '../closing/z-closing';
import type { SealedRecord } from '../fiscal/chain';

/**
 * The host methods of cash sessions and fiscal closings (issue 12), their requests and answers.
 * The host decides everything here: it counts what the records say, seals, and never tells the
 * page the expected amount before the count is sealed.
 */

/** The till's cash session as the page may see it: never what the drawer should hold. */
export type CashSessionView =
  | { readonly state: 'none' }
  | {
      readonly state: 'open' | 'counted';
      readonly sessionId: string;
      readonly openedAt: string;
      readonly openedBy: string;
      readonly businessDate: string;
      readonly currency: string;
      /** The float counted at the opening (minor units). */
      readonly float: number;
      readonly movementCount: number;
      /** Open for more than 24 h: sales and movements are refused until it is closed. */
      readonly mustCloseFirst: boolean;
    };

/**
 * Pay-in, pay-out or safe drop: a sealed record, the drawer opens. Cash out cites the single-use
 * approval the host issued for it (approval.request, action `cash.move`, subject the movement id and
 * amount), like every other approval: the signed-in person's own when their role allows, else a
 * manager's PIN typed at this till.
 */
export type CashMoveRequest = {
  /** The page's idempotency key: a retried request with the same id gets the record already sealed. */
  readonly movementId?: string;
  readonly kind: CashMovementKind;
  readonly amount: number;
  readonly reason: string;
  readonly approval?: ApprovalRef;
};

/** The blind count: cash by denomination, other tenders as totals (card batch…), keyed by tender method. */
export type CashCountRequest = { readonly cash: CashCount; readonly tenders?: Readonly<Record<string, number>> };

/** A Z report as sealed on the closing chain: its number, its figures, whether it printed. */
export type ZReportView = {
  readonly zNumber: number;
  readonly record: SealedRecord;
  /** As sealed: zFigures without the list of movements (their sums are in `cash`). */
  readonly figures: ZFigures;
};

/**
 * After the count is sealed: what each tender should have held and the variance. Within the
 * limit the session is closed at once and `z` is its report; above it, `cash.close` with a
 * manager's approval and reason closes it.
 */
export type CashCountResult = {
  readonly sessionId: string;
  readonly varianceLimit: number;
  readonly tenders: readonly TenderClose[];
  readonly needsApproval: boolean;
  readonly z?: ZReportView;
};

export type CashCloseRequest = { readonly approval?: { readonly managerPin: string; readonly reason: string } };

export type ClosingKind = 'day' | 'month' | 'year';

/** A fiscal closing to seal: a business day ('2026-12-06'), a month ('2026-12') or a fiscal year ('2026'). */
export type ClosingRunRequest = { readonly kind: ClosingKind; readonly period: string };

/** One sealed closing (Z or period), listed for the manager. */
export type ClosingSummary = {
  readonly kind: 'z' | ClosingKind;
  /** The Z number, or the period closed. */
  readonly label: string;
  readonly seq: number;
  readonly sealedAt: string;
  readonly total: number;
  readonly currency: string;
};

/** A document for download (the Z as a PDF): bytes as base64, bounded by the host. */
export type DownloadFile = { readonly filename: string; readonly mediaType: string; readonly base64: string };

export type CashContract = {
  'cash.state': { readonly req: void; readonly res: CashSessionView };
  'cash.open': { readonly req: { readonly count: CashCount }; readonly res: CashSessionView };
  'cash.move': { readonly req: CashMoveRequest; readonly res: { readonly record: SealedRecord; readonly drawerOpened: boolean } };
  /** X report: any time, no reset (manager). */
  'cash.x': { readonly req: void; readonly res: SessionXReport };
  /** Prints the X the host computes from its journal ("RAPPORT X", sans remise à zéro); nothing is sealed (manager). */
  'cash.printX': { readonly req: void; readonly res: { readonly printed: boolean; readonly message: string } };
  'cash.count': { readonly req: CashCountRequest; readonly res: CashCountResult };
  'cash.close': { readonly req: CashCloseRequest; readonly res: ZReportView };
  'closing.print': { readonly req: { readonly seq: number }; readonly res: { readonly printed: boolean; readonly message: string } };
  'closing.pdf': { readonly req: { readonly seq: number }; readonly res: DownloadFile };
  /** Seals a period closing, sealing first any daily closing it needs; answers every closing sealed. */
  'closing.run': { readonly req: ClosingRunRequest; readonly res: readonly ClosingSummary[] };
  'closing.list': { readonly req: { readonly limit: number }; readonly res: readonly ClosingSummary[] };
};
