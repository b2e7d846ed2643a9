import { PosError } from '@pos/core';
import { CoalescedRun } from '../hub/coalesced-run';
import type { HeldPoints, HeldReservation, PointsUse, ReservationBook, ReservationUse } from './reservation-book';

/** What the runner asks of the hub (the host's HubClient through ledger-hub.ts). */
export type ReservationHub = {
  readonly spend: (reservationId: string, use: ReservationUse) => Promise<void>;
  readonly release: (reservation: HeldReservation) => Promise<void>;
  readonly releasePoints: (reservation: HeldPoints) => Promise<void>;
  readonly consumePoints: (reservationId: string, use: PointsUse) => Promise<void>;
};

/** A reservation's id, how to send it, what to record once the hub answered, and whether it spends. */
type Job = { readonly id: string; readonly send: () => Promise<void>; readonly done: () => Promise<void>; readonly spend: boolean };

/** A refusal worth another try later: the hub was down or busy, not saying no. */
export function transientHubError(error: unknown): boolean {
  if (!(error instanceof PosError)) return false;
  if (error.code === 'HUB_UNREACHABLE' || error.code === 'NOT_ENROLLED') return true;
  const status = typeof error.details?.status === 'number' ? error.details.status : 0;
  return error.code === 'HUB_REFUSED' && (status >= 500 || status === 429);
}

/** The hub's own refusal code, when its answer had one. */
export function hubCodeOf(error: unknown): string | null {
  return error instanceof PosError && typeof error.details?.hubCode === 'string' ? error.details.hubCode : null;
}

/**
 * Sends what the book says is due: the spends of sealed sales first (money the customer handed
 * over), then the reservations to give back. Stops at the first sign the hub is away (the next
 * run goes on); a refusal for good is kept with the hub's code and reported, never retried. One
 * run at a time; a run asked for during another runs again after it.
 */
export class ReservationRunner {
  private readonly runs = new CoalescedRun(() => this.sendAll());

  constructor(
    private readonly book: ReservationBook,
    private readonly hub: ReservationHub,
    private readonly report: (refused: { readonly reservationId: string; readonly hubCode: string | null }) => void = () => undefined,
  ) {}

  run(): Promise<void> {
    return this.runs.run();
  }

  /** Waits for the run under way, if any (closing the host). */
  settle(): Promise<void> {
    return this.runs.settle();
  }

  private async sendAll(): Promise<void> {
    const release = (id: string, send: () => Promise<void>): Job => ({ id, send, done: () => this.book.released(id), spend: false });
    // Spends first (money the customer handed over), then what goes back to cards and members.
    const jobs: Job[] = [
      ...this.book.spendsDue().map(({ reservationId: id, ...use }): Job => ({
        id,
        send: () => this.hub.spend(id, use),
        done: () => this.book.spent(id),
        spend: true,
      })),
      // A reward's points: the hub answers the same sale again with its first answer, so a resend consumes once.
      ...this.book.pointsConsumesDue().map(({ reservationId: id, ...use }): Job => ({
        id,
        send: () => this.hub.consumePoints(id, use),
        done: () => this.book.spent(id),
        spend: false,
      })),
      ...this.book.releasesDue().map((r) => release(r.reservationId, () => this.hub.release(r))),
      ...this.book.pointsReleasesDue().map((r) => release(r.reservationId, () => this.hub.releasePoints(r))),
    ];
    for (const job of jobs) if (!(await this.attempt(job))) return;
  }

  /** False when the hub is away: what is left waits for the next run. */
  private async attempt({ id: reservationId, send, done, spend }: Job): Promise<boolean> {
    try {
      await send();
    } catch (error) {
      if (transientHubError(error)) return false;
      const hubCode = hubCodeOf(error);
      await this.book.refuse(reservationId, hubCode);
      // A spend refused is money the sale counted and the card never gave; a release refused changes nothing.
      if (spend) this.report({ reservationId, hubCode });
      return true;
    }
    await done();
    return true;
  }
}
