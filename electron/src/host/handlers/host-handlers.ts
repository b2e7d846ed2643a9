import { FISCAL_CHAINS, type FiscalChain } from '@pos/core';
import { demoCatalogPage } from '../catalog/demo-catalog-source';
import { allHubPromotions, hubCatalogPage, hubLoyaltyPage } from '../catalog/hub-catalog-source';
import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';
import { integer, invalid, record } from './request-guards';

export function hostHandlers(ctx: HostContext): HandlerGroup {
  return {
    'host.hello': {
      parse: noRequest,
      run: async () => ({
        appVersion: ctx.appVersion,
        storeId: ctx.config.storeId,
        tillId: ctx.config.tillId,
        mode: ctx.mode,
        publicKey: ctx.sealer.key.publicKeyHex,
        keyId: ctx.sealer.key.keyId,
        heads: Object.fromEntries(FISCAL_CHAINS.map((chain) => [chain, ctx.journal.head(chain)?.seq ?? 0])) as Record<FiscalChain, number>,
        fiscal: ctx.journal.status,
        needsSetup: ctx.staff.isEmpty,
      }),
    },
    'store.profile': { parse: noRequest, run: async () => ctx.profile },
    'staff.list': { parse: noRequest, run: async () => ctx.staff.list() },
    'catalog.pull': {
      parse: (raw) => {
        const req = record(raw, 'catalog.pull request');
        const checkpoint = req.checkpoint;
        if (checkpoint !== null && (typeof checkpoint !== 'string' || !/^[0-9]{1,12}(:[0-9]{1,12}){0,2}$/.test(checkpoint))) {
          throw invalid('checkpoint must be null or a checkpoint returned by catalog.pull');
        }
        return { checkpoint, limit: integer(req, 'limit', 1, 10_000) };
      },
      run: async ({ checkpoint, limit }) => {
        if (!ctx.hub.enrolled) return demoCatalogPage(ctx.config.demoCatalogSize, checkpoint, limit);
        // The host keeps the rules it relays: it prices every sale again with them before sealing.
        if (!ctx.promotions.filled) await ctx.promotions.record(await allHubPromotions(ctx.hub), [], true);
        const page = await hubCatalogPage(ctx.hub, checkpoint, limit);
        await ctx.promotions.record(page.promotions ?? [], page.deletedPromotionIds ?? []);
        // And the loyalty programs, from the book's own place in the hub's collection (a handful of
        // documents). A hub older than them, or one failing just then, never holds the catalog back:
        // the book stays as it was (sales earn with what it holds) and catches up at the next pull.
        await ctx.loyalty
          .catchUp((seq, limit) => hubLoyaltyPage(ctx.hub, seq, limit))
          .catch((error: unknown) => {
            console.warn(`Loyalty programs not pulled: ${(error as Error)?.message ?? String(error)}`);
          });
        return page;
      },
    },
    'printer.status': { parse: noRequest, run: async () => ctx.printer.refresh() },
  };
}
