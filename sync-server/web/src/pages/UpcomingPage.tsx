import { useTranslation } from 'react-i18next';
import type { PageProps } from '../app/page-props';

/** A page of the shell whose content comes next: it says what will be there, and whether the role may change it. */
export function UpcomingPage({ page, access }: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(`upcoming.${page}`)}</p>
      <p className="note">{t('upcoming.comingSoon')}</p>
      {access === 'read' && page !== 'dashboard' && page !== 'sales' && <p className="note">{t('upcoming.readOnly')}</p>}
    </>
  );
}
