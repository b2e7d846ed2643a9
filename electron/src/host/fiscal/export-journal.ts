import { randomUUID } from 'node:crypto';
import type { HandlerGroup } from '../handlers/handler-registry';
import type { HostContext } from '../host-context';

/**
 * Every file the host serves out of its journal is an export (NF525 JET 110): `data.export` is
 * sealed once the file is made and before it is given, naming what, who, and which sealed records
 * it holds. An export that could not be sealed is not given. Today the one export is the Z's PDF
 * (`closing.pdf`); the archive (JET 20/30) seals its own events.
 */
export function journaledExports(ctx: Pick<HostContext, 'sealer' | 'session' | 'journal'>, group: HandlerGroup): HandlerGroup {
  const pdf = group['closing.pdf'];
  if (!pdf) return group;
  return {
    ...group,
    'closing.pdf': {
      parse: pdf.parse,
      run: async (request) => {
        const file = await pdf.run(request);
        const [record] = await ctx.journal.read('closing', request.seq - 1, 1);
        if (!record || record.seq !== request.seq) throw new Error(`Closing ${request.seq} vanished while it was exported`);
        await ctx.sealer.seal({
          chain: 'event',
          id: randomUUID(),
          payload: {
            type: 'data.export',
            what: 'z-report',
            format: 'pdf',
            staffId: ctx.session.require().id,
            records: [{ chain: 'closing', seq: record.seq, id: record.id }],
          },
        });
        return file;
      },
    },
  };
}
