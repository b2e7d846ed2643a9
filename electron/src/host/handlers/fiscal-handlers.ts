import {
  canonicalText,
  FISCAL_CHAINS,
  isSaleV1,
  PosError,
  type EventPayload,
  type ReturnOriginal,
  type SalePayload,
  type SaleProblem,
  type SealRequest,
  type SealedRecord,
} from '@pos/core';
import { saleSealProblems, sealCheckContext, voidSealProblems } from '../fiscal/seal-checks';
import { cashSettingsOf } from '../cash/cash-settings';
import { saleSessionProblems } from '../cash/sale-session-check';
import type { HostContext } from '../host-context';
import { rotateTillKey } from '../fiscal/key-store';
import { noRequest, type HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, oneOf, record, text } from './request-guards';

/** Refused with the problems' codes (the page translates them) and their words for support. */
export function sealRefused(problems: readonly SaleProblem[]): PosError {
  const more = problems.length > 3 ? ` (+${problems.length - 3} more)` : '';
  return new PosError(
    'SEAL_REFUSED',
    `Refused: ${problems
      .slice(0, 3)
      .map((p) => p.message)
      .join('; ')}${more}`,
    { problems },
  );
}

async function sameSeal(ctx: HostContext, request: SealRequest): Promise<SealedRecord | null> {
  const existing = await ctx.journal.get(request.id);
  if (!existing) return null;
  if (existing.chain === request.chain && canonicalText(existing.payload) === canonicalText(request.payload)) return existing;
  throw new PosError('SEAL_CONFLICT', `Record ${request.id} is already sealed with other content`, { seq: existing.seq });
}

/**
 * The sale a return gives back, when this till sealed it (its journal holds it), with what earlier
 * returns took of each line: the return is then checked against it. A return of a sale this till
 * does not hold is checked on its own.
 */
async function returnOriginal(ctx: HostContext, request: SealRequest): Promise<ReturnOriginal | undefined> {
  if (request.chain !== 'sale') return undefined;
  const sale = request.payload as SalePayload;
  if (typeof sale !== 'object' || sale === null || !isSaleV1(sale)) return undefined;
  const saleId = typeof sale.returnOf === 'object' && sale.returnOf !== null ? sale.returnOf.saleId : undefined;
  if (typeof saleId !== 'string' || saleId.length === 0 || saleId.length > 64) return undefined;
  const record = await ctx.journal.get(saleId);
  if (!record || record.chain !== 'sale') return undefined;
  return { sale: (record as SealedRecord<'sale'>).payload, returned: ctx.index.returnedOf(saleId) };
}

/** A sale marked `training` (version 1) is sealed on the training chain; the sale chain never sees it. */
function onTrainingChain(request: SealRequest): SealRequest {
  if (request.chain !== 'sale') return request;
  const sale = request.payload as SalePayload;
  return isSaleV1(sale) && sale.training === true ? { chain: 'training', id: request.id, payload: { ...sale, training: true } } : request;
}

/**
 * While training mode is on, every sale must be a training one, and no sale may be one while it
 * is off (the screen was out of date: the cashier starts the sale again). A training sale is paid
 * in cash only: no card is ever charged, no gift card spent, for a fictitious sale.
 */
function trainingProblems(ctx: HostContext, request: SealRequest): SaleProblem[] {
  if (request.chain !== 'sale') return [];
  const sale = request.payload as SalePayload;
  const marked = typeof sale === 'object' && sale !== null && isSaleV1(sale) && sale.training === true;
  const on = ctx.index.trainingState.on;
  if (on && !marked) return [{ code: 'training', message: 'training mode is on: only a training sale may be sealed' }];
  if (!on && marked) return [{ code: 'training', message: 'training mode is off: a training sale may not be sealed' }];
  if (marked && Array.isArray(sale.tenders) && sale.tenders.some((t) => t.method !== 'cash'))
    return [{ code: 'training', message: 'a training sale is paid in cash only' }];
  return [];
}

/**
 * The renderer asks the host to seal sales and voids; everything else the host seals itself. The
 * host decides: it re-checks every figure with core, each card tender against its payment
 * journal and each approval against those it issued, one request at a time (SealGate), and
 * refuses with codes. A retried request (the reply was lost) gets the record already sealed.
 */
export function fiscalHandlers(ctx: HostContext): HandlerGroup {
  const problemsOf = (request: SealRequest, original: ReturnOriginal | undefined): SaleProblem[] => {
    const checks = sealCheckContext(ctx, ctx.session.require());
    if (request.chain === 'sale') {
      const sale = request.payload as SalePayload;
      const now = new Date().toISOString();
      const session = saleSessionProblems(
        sale,
        ctx.cash.state,
        cashSettingsOf(ctx.profile),
        now,
        (d) => ctx.cash.closingOf('closing.day', d) !== undefined,
      );
      return [...saleSealProblems(sale, request.id, checks, original), ...session];
    }
    const event = request.payload as EventPayload;
    if (request.chain !== 'event' || event.type !== 'sale.void') {
      return [{ code: 'shape', message: `the till host seals ${String(event.type).slice(0, 40)} records itself` }];
    }
    return voidSealProblems(event, checks);
  };
  return {
    'fiscal.seal': {
      parse: (raw): SealRequest => {
        const req = record(raw, 'fiscal.seal request');
        const chain = oneOf(req, 'chain', ['sale', 'event'] as const);
        const id = text(req, 'id', { max: 64, pattern: ID_PATTERN });
        const payload = record(req.payload, 'payload');
        return chain === 'sale'
          ? { chain, id, payload: payload as unknown as SalePayload }
          : { chain, id, payload: payload as unknown as EventPayload };
      },
      run: (request) =>
        ctx.sealGate.run(async () => {
          ctx.session.require();
          const event = request.payload as EventPayload;
          // A void retried under a new approval (its first reply lost) is still the one void of its cart.
          const voided = request.chain === 'event' && event.type === 'sale.void' ? ctx.index.voidOf(event.saleId) : undefined;
          if (voided) return (await ctx.journal.get(voided))!;
          // A sale of training mode goes on the training chain (a retry finds it there).
          const sealing = onTrainingChain(request);
          const again = await sameSeal(ctx, sealing);
          if (again) return again;
          const original = await returnOriginal(ctx, request);
          const problems = (() => {
            try {
              return problemsOf(request, original);
            } catch (error) {
              if (error instanceof PosError) throw error;
              return [{ code: 'shape' as const, message: `not readable: ${(error as Error).message}` }];
            }
          })();
          const training = trainingProblems(ctx, request);
          if (problems.length + training.length > 0) throw sealRefused([...training, ...problems]);
          return ctx.sealer.seal(sealing);
        }),
    },
    'fiscal.rotateKey': {
      parse: noRequest,
      run: () =>
        ctx.sealGate.run(async () => {
          ctx.session.requireManager('replace the till’s signing key');
          // The new key is durable before the rotation is sealed; a crash between the two is finished at the next start.
          const { key } = await rotateTillKey(ctx.dataDir, ctx.sealer.key, ctx.secretProtector);
          const record = await ctx.sealer.rotateKey(key);
          return { keyId: key.keyId, publicKey: key.publicKeyHex, record };
        }),
    },
    'journal.read': {
      parse: (raw) => {
        const req = record(raw, 'journal.read request');
        return {
          chain: oneOf(req, 'chain', FISCAL_CHAINS),
          afterSeq: integer(req, 'afterSeq', 0, Number.MAX_SAFE_INTEGER),
          limit: integer(req, 'limit', 1, 5000),
        };
      },
      run: async ({ chain, afterSeq, limit }) => ({
        records: await ctx.journal.read(chain, afterSeq, limit),
        headSeq: ctx.journal.head(chain)?.seq ?? 0,
      }),
    },
  };
}
