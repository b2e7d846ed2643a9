import { randomUUID } from 'node:crypto';
import type { TrainingState } from '@pos/core';
import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';
import { invalid, record, text } from './request-guards';

/**
 * Training mode ("mode école"): a manager starts and stops it at the till, each sealed first on
 * the event chain (training.start / training.stop, who and which manager). While it is on, the host
 * seals every sale on the training chain (fiscal-handlers), so the sale chain, stock, totals and
 * closings never see a fictitious sale. The state is the journal's: it survives a restart.
 */
export function trainingHandlers(ctx: HostContext): HandlerGroup {
  return {
    'training.state': {
      parse: noRequest,
      run: async (): Promise<TrainingState> => ctx.index.trainingState,
    },
    'training.set': {
      parse: (raw) => {
        const req = record(raw, 'training.set request');
        if (typeof req.on !== 'boolean') throw invalid('on must be true or false');
        return { on: req.on, ...(req.managerPin !== undefined ? { managerPin: text(req, 'managerPin', { max: 12 }) } : {}) };
      },
      // In the seal queue: no sale is being checked while the mode changes under it.
      run: ({ on, managerPin }) =>
        ctx.sealGate.run(async (): Promise<TrainingState> => {
          const staff = ctx.session.require();
          if (ctx.index.trainingState.on === on) return ctx.index.trainingState;
          // A manager's own word, or another manager's PIN typed at this till.
          const approver = await ctx.session.approverFor('till.settings', managerPin, 'Training mode is started and stopped by a manager');
          await ctx.sealer.seal({
            chain: 'event',
            id: randomUUID(),
            payload: { type: on ? 'training.start' : 'training.stop', staffId: staff.id, approvedBy: approver.id },
          });
          return ctx.index.trainingState;
        }),
    },
  };
}
