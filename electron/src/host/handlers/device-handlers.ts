import { DEVICE_SETTINGS_SECTIONS, type CustomerDisplayState, type DeviceSettingsPatch } from '@pos/core';
import { randomUUID } from 'node:crypto';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { integer, invalid, oneOf, record, text } from './request-guards';

const DEVICE_TESTS = ['print', 'drawer', 'scan', 'scale', 'payment', 'pole-display'] as const;

/** The Devices screen's patch: only known sections, each an object; the values are checked when saved. */
function parsePatch(raw: unknown): DeviceSettingsPatch {
  const req = record(raw, 'devices.configure request');
  const patch: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(req)) {
    if (!(DEVICE_SETTINGS_SECTIONS as readonly string[]).includes(section))
      throw invalid(`Unknown device setting "${section.slice(0, 40)}"`);
    patch[section] = record(value, section);
  }
  return patch as DeviceSettingsPatch;
}

/** The member greeted on the customer display: a first name and, when known, a points balance. */
function displayMember(raw: unknown): NonNullable<CustomerDisplayState['member']> {
  const m = record(raw, 'member');
  return {
    name: text(m, 'name', { max: 60 }),
    ...(m.points !== undefined ? { points: integer(m, 'points', 0, 1_000_000_000) } : {}),
  };
}

function parseDisplay(raw: unknown): CustomerDisplayState {
  const req = record(raw, 'display.show request');
  const lines = Array.isArray(req.lines) ? req.lines.slice(-20) : [];
  return {
    phase: oneOf(req, 'phase', ['idle', 'sale', 'paid'] as const),
    currency: text(req, 'currency', { max: 3, pattern: /^[A-Z]{3}$/ }),
    total: integer(req, 'total', -100_000_000, 100_000_000),
    lines: lines.map((line) => {
      const l = record(line, 'line');
      return {
        name: text(l, 'name', { max: 200 }),
        quantity: integer(l, 'quantity', -100_000, 100_000),
        amount: integer(l, 'amount', -100_000_000, 100_000_000),
      };
    }),
    ...(req.change !== undefined ? { change: integer(req, 'change', 0, 100_000_000) } : {}),
    ...(typeof req.loyaltyUrl === 'string' && req.loyaltyUrl.length <= 300 ? { loyaltyUrl: req.loyaltyUrl } : {}),
    ...(req.member !== undefined ? { member: displayMember(req.member) } : {}),
    // The customer's phone opens it: a web address, nothing a screen could run.
    ...(typeof req.receiptUrl === 'string' && req.receiptUrl.length <= 400 && /^https?:\/\/\S+$/.test(req.receiptUrl)
      ? { receiptUrl: req.receiptUrl }
      : {}),
    ...(typeof req.joinUrl === 'string' && req.joinUrl.length <= 400 && /^https?:\/\/\S+$/.test(req.joinUrl)
      ? { joinUrl: req.joinUrl }
      : {}),
  };
}

export function deviceHandlers(ctx: HostContext): HandlerGroup {
  return {
    'devices.list': {
      parse: () => undefined,
      run: async () => {
        ctx.session.requireManager('see the devices');
        return ctx.devices.inventory();
      },
    },
    'devices.configure': {
      parse: parsePatch,
      run: async (patch) => {
        const staff = ctx.session.requireManager('change the devices');
        const { inventory } = await ctx.devices.configure(patch);
        await ctx.sealer.seal({
          chain: 'event',
          id: randomUUID(),
          payload: { type: 'devices.configure', staffId: staff.id, sections: Object.keys(patch) },
        });
        return inventory;
      },
    },
    'devices.test': {
      parse: (raw) => ({ test: oneOf(record(raw, 'devices.test request'), 'test', DEVICE_TESTS) }),
      run: async ({ test }) => {
        ctx.session.requireManager('test the devices');
        return ctx.devices.test(test);
      },
    },
    'drawer.open': {
      parse: (raw) => {
        const req = record(raw, 'drawer.open request');
        return {
          reason: text(req, 'reason', { max: 200 }),
          ...(req.managerPin !== undefined ? { managerPin: text(req, 'managerPin', { max: 12 }) } : {}),
        };
      },
      run: async ({ reason, managerPin }) => {
        const staff = ctx.session.require();
        // A cashier without the permission needs a manager's PIN, typed at this till.
        const approver = await ctx.session.approverFor('drawer.open', managerPin, 'Opening the drawer without a sale needs a manager');
        // The approval is recorded like every other (single use, cited by the record it allowed).
        const approval = await ctx.approvals.issue({ action: 'drawer.open', approvedBy: approver.id, requestedBy: staff.id, subject: {} });
        // Sealed before the pulse: a drawer never opens without its trace.
        await ctx.sealer.seal({
          chain: 'event',
          id: randomUUID(),
          payload: { type: 'drawer.open', staffId: staff.id, approvedBy: approver.id, reason, approvalId: approval.approvalId },
        });
        const outcome = await ctx.printer.openDrawer(ctx.devices.settings.drawer);
        return outcome.status === 'failed'
          ? { opened: false, message: `The drawer did not open: ${outcome.message}` }
          : { opened: true, message: 'Drawer opened' };
      },
    },
    'scale.read': {
      parse: () => undefined,
      run: async () => {
        ctx.session.require();
        return ctx.devices.readScale();
      },
    },
    'display.show': {
      parse: parseDisplay,
      run: async (state) => {
        ctx.session.require();
        await ctx.devices.show(state);
        return null;
      },
    },
  };
}
