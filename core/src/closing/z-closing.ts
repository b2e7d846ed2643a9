import type { SessionZFigures } from '../cash/session-report';
import { assertMinorUnits } from '../money/money';

/**
 * The figures a Z seals: those of zFigures at the close, without the list of movements (each is a
 * record of its own on the event chain; their sums are in `cash`).
 */
export type ZFigures = Omit<SessionZFigures, 'movements'>;

/**
 * A Z report, sealed on the closing chain when a cash session closes. `zNumber` is the Z's own
 * counter on the till (1, 2, … without a gap, apart from the chain's sequence), and the session's
 * perpetual grand totals: the previous Z's plus this session's net (returns negative), and plus its
 * sales and returns both positive.
 */
export type ZClosingPayload = {
  readonly type: 'closing.z';
  readonly zNumber: number;
  readonly sessionId: string;
  readonly figures: ZFigures;
  readonly perpetualGrandTotal: number;
  readonly perpetualGrandTotalAbsolute: number;
};

/** What a Z takes from the till's previous Z. */
export type PreviousZ = Pick<ZClosingPayload, 'zNumber' | 'perpetualGrandTotal' | 'perpetualGrandTotalAbsolute'>;

/** The Z of a closed session from its figures (zFigures) and the till's previous Z (absent for its first). */
export function zClosing(figures: SessionZFigures, previous: PreviousZ | undefined): ZClosingPayload {
  // The vouchers are printed on the Z, not sealed in it: the closing's sealed figures keep their shape.
  const { movements: _movements, vouchers: _vouchers, ...sealed } = figures;
  const total = figures.totals.total;
  return {
    type: 'closing.z',
    zNumber: (previous?.zNumber ?? 0) + 1,
    sessionId: figures.sessionId,
    figures: sealed,
    perpetualGrandTotal: assertMinorUnits((previous?.perpetualGrandTotal ?? 0) + total.net),
    perpetualGrandTotalAbsolute: assertMinorUnits((previous?.perpetualGrandTotalAbsolute ?? 0) + total.sales + total.returns),
  };
}
