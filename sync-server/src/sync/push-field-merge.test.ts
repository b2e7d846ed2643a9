import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-21T10:00:00.000Z';
const T2 = '2026-11-22T10:00:00.000Z';

function customer(fields: Record<string, unknown>, times: Record<string, string>) {
  return { id: 'cust-1', _deleted: false, storeId: 'S1', ...fields, fieldTimes: times };
}

const base = customer(
  { lastName: 'Martin', firstName: 'Ana', phone: '0600000000', email: 'ana@example.fr' },
  { lastName: T0, firstName: T0, phone: T0, email: T0 },
);

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`field-merge push (customers) on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    async function twoTills(): Promise<[Device, Device]> {
      const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      await client(ctx().hub, a!).push('customers', [{ newDocumentState: base }]);
      return [a!, b!];
    }
    const stored = async () =>
      (
        await ctx().db.query<{ seq: number; doc: Record<string, unknown>; deleted: boolean }>(
          "SELECT seq, doc, deleted FROM store_docs WHERE id = 'cust-1'",
        )
      )[0];

    it('a new customer is taken as sent', async () => {
      const [a] = await twoTills();
      expect((await stored())!.seq).toBe(1);
      const pulled = await client(ctx().hub, a).pull('customers', 0, 10);
      expect(pulled.documents).toEqual([base]);
    });

    it('fields changed on different tills both survive; the later pusher adopts the merge', async () => {
      const [a, b] = await twoTills();
      const fromA = customer({ ...base, phone: '0611111111' }, { ...base.fieldTimes, phone: T1 });
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: fromA, assumedMasterState: base }])).toEqual({
        conflicts: [],
        errors: [],
      });
      const fromB = customer({ ...base, email: 'ana.martin@example.fr' }, { ...base.fieldTimes, email: T1 });
      const reply = await client(ctx().hub, b).push('customers', [{ newDocumentState: fromB, assumedMasterState: base }]);
      const merged = customer(
        { ...base, phone: '0611111111', email: 'ana.martin@example.fr' },
        { ...base.fieldTimes, phone: T1, email: T1 },
      );
      expect(reply.conflicts).toEqual([merged]);
      expect(await stored()).toMatchObject({ seq: 3, doc: { phone: '0611111111', email: 'ana.martin@example.fr' } });
      // Till A pulls the merge, with a new sequence.
      expect((await client(ctx().hub, a).pull('customers', 2, 10)).documents).toEqual([merged]);
    });

    it('both changed the same field: the later time wins; a tie keeps the hub’s value', async () => {
      const [a, b] = await twoTills();
      await client(ctx().hub, a).push('customers', [
        { newDocumentState: customer({ ...base, phone: 'A' }, { ...base.fieldTimes, phone: T1 }), assumedMasterState: base },
      ]);
      const later = await client(ctx().hub, b).push('customers', [
        { newDocumentState: customer({ ...base, phone: 'B' }, { ...base.fieldTimes, phone: T2 }), assumedMasterState: base },
      ]);
      expect(later.conflicts).toEqual([]);
      expect((await stored())!.doc.phone).toBe('B');
      const tie = await client(ctx().hub, a).push('customers', [
        { newDocumentState: customer({ ...base, phone: 'A again' }, { ...base.fieldTimes, phone: T2 }), assumedMasterState: base },
      ]);
      expect((await stored())!.doc.phone).toBe('B');
      expect(tie.conflicts).toEqual([expect.objectContaining({ phone: 'B' })]);
    });

    it('a till whose clock runs a year ahead still cannot overwrite fields it did not change', async () => {
      const [a, b] = await twoTills();
      await client(ctx().hub, a).push('customers', [
        { newDocumentState: customer({ ...base, phone: 'hub' }, { ...base.fieldTimes, phone: T1 }), assumedMasterState: base },
      ]);
      const future = '2027-11-22T10:00:00.000Z';
      const reply = await client(ctx().hub, b).push('customers', [
        {
          newDocumentState: customer({ ...base, firstName: 'Anna' }, { lastName: future, firstName: future, phone: future, email: future }),
          assumedMasterState: base,
        },
      ]);
      expect(await stored()).toMatchObject({ doc: { firstName: 'Anna', phone: 'hub' } });
      expect(reply.conflicts[0]).toMatchObject({ firstName: 'Anna', phone: 'hub' });
    });

    it('pushing what the hub has, or retrying a push whose reply was lost, writes nothing', async () => {
      const [a] = await twoTills();
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: base, assumedMasterState: base }])).toEqual({
        conflicts: [],
        errors: [],
      });
      expect((await stored())!.seq).toBe(1);
      const edit = customer({ ...base, firstName: 'Anna' }, { ...base.fieldTimes, firstName: T1 });
      await client(ctx().hub, a).push('customers', [{ newDocumentState: edit, assumedMasterState: base }]);
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: edit, assumedMasterState: base }])).toEqual({
        conflicts: [],
        errors: [],
      });
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: edit }])).toEqual({ conflicts: [], errors: [] });
      expect((await stored())!.seq).toBe(2);
    });

    it('erasure is absorbing: a deleted customer keeps no personal data, a later push with data brings none back, pulls send the tombstone', async () => {
      const [a, b] = await twoTills();
      const tombstone = { id: 'cust-1', _deleted: true, storeId: 'S1', updatedAt: T2, fieldTimes: { _deleted: T2 } };
      const deletion = customer({ ...base, _deleted: true }, { ...base.fieldTimes, _deleted: T2 });
      // The till that deleted gets the tombstone back to adopt: its own copy loses the data too.
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: deletion, assumedMasterState: base }])).toEqual({
        conflicts: [tombstone],
        errors: [],
      });
      expect(await stored()).toEqual({ seq: 2, deleted: true, doc: { storeId: 'S1', updatedAt: T2, fieldTimes: { _deleted: T2 } } });

      // Another till, offline meanwhile, edits and even undeletes it, with later times: nothing comes back.
      const later = '2026-11-23T10:00:00.000Z';
      const edit = customer({ ...base, email: 'new@example.fr' }, { ...base.fieldTimes, email: later, _deleted: later });
      for (const row of [
        { newDocumentState: edit, assumedMasterState: base },
        { newDocumentState: edit },
        { newDocumentState: edit, assumedMasterState: tombstone },
      ]) {
        expect(await client(ctx().hub, b).push('customers', [row])).toEqual({ conflicts: [tombstone], errors: [] });
      }
      expect(await stored()).toMatchObject({ seq: 2, doc: { storeId: 'S1', updatedAt: T2, fieldTimes: { _deleted: T2 } } });

      const pulled = await client(ctx().hub, b).pull('customers', 0, 10);
      expect(pulled.documents).toEqual([tombstone]);
      expect(JSON.stringify(pulled)).not.toMatch(/Martin|Ana|0600000000|example\.fr/);
      // Adopting the tombstone and pushing it again changes nothing.
      expect(await client(ctx().hub, a).push('customers', [{ newDocumentState: tombstone, assumedMasterState: tombstone }])).toEqual({
        conflicts: [],
        errors: [],
      });
      expect((await stored())!.seq).toBe(2);
    });

    it('a customer first pushed deleted, or deleted without a time, is kept as a tombstone only', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const reply = await client(ctx().hub, a!).push('customers', [{ newDocumentState: { ...base, id: 'cust-2', _deleted: true } }]);
      const tombstone = {
        id: 'cust-2',
        _deleted: true,
        storeId: 'S1',
        updatedAt: expect.any(String),
        fieldTimes: { _deleted: expect.any(String) },
      };
      expect(reply).toEqual({ conflicts: [tombstone], errors: [] });
      const [row] = await ctx().db.query<{ doc: Record<string, unknown> }>("SELECT doc FROM store_docs WHERE id = 'cust-2'");
      expect(Object.keys(row!.doc).sort()).toEqual(['fieldTimes', 'storeId', 'updatedAt']);
      expect((await client(ctx().hub, a!).pull('customers', 0, 10)).documents).toEqual([tombstone]);
    });

    it('another store’s customer is refused and quarantined, whatever exists there', async () => {
      const [a] = await twoTills();
      const [other] = await enrolledTills(ctx().db, 'S2', ['T1']);
      const reply = await client(ctx().hub, other!).push('customers', [{ newDocumentState: base, assumedMasterState: base }]);
      expect(reply).toEqual({ conflicts: [], errors: [{ index: 0, id: 'cust-1', message: expect.stringContaining('not for this till') }] });
      expect((await stored())!.seq).toBe(1);
      expect((await client(ctx().hub, a).pull('customers', 0, 10)).documents).toEqual([base]);
    });
  });
}
