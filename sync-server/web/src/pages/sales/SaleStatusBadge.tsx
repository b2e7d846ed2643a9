import type { SaleFiscalStatus } from '@pos/core/sync/head-office-api';
import { useTranslation } from 'react-i18next';

/** The closings' badge colours: verified as a match, a break as a difference, pending as pending. */
const CLASSES: Record<SaleFiscalStatus, string> = { verified: 'badge-match', break: 'badge-difference', pending: 'badge-pending' };

/** A sale's fiscal status in words (never colour alone). */
export function SaleStatusBadge({ status }: { readonly status: SaleFiscalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${CLASSES[status] ?? 'badge-pending'}`}>{t(`sales.statuses.${status}`)}</span>;
}
