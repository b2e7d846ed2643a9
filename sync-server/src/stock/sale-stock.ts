import type { DeviceIdentity } from '../auth/device-auth';
import type { Queryable } from '../db/database';
import { recordIncidents } from '../sync/incidents';
import type { PlannedWrite } from '../sync/policy-outcome';
import { movementsOfSales } from './sale-movements';
import { recordStockMovements } from './stock-ledger';

/**
 * Called by a push of `sales`, in its transaction, with the sales it wrote now (a retried push
 * writes none): their lines move stock, and a line the hub cannot read is flagged, never a reason
 * to refuse a sale the customer already paid.
 */
export async function stockFromNewSales(tx: Queryable, device: DeviceIdentity, written: readonly PlannedWrite[]): Promise<void> {
  const { movements, unreadable } = movementsOfSales(written);
  await recordIncidents(
    tx,
    device.storeId,
    device.tillId,
    'sales',
    unreadable.map((u) => ({ kind: 'unreadable_sale_line', docId: u.saleId, details: { line: u.index, message: `No stock movement for this line: ${u.reason}` } })),
  );
  await recordStockMovements(tx, device.storeId, movements);
}
