import { useTranslation } from 'react-i18next';

const KNOWN = ['match', 'difference', 'pending', 'unreadable'];

/** A closing's status in words (never colour alone), its class giving the colour. */
export function StatusBadge({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  const known = KNOWN.includes(status) ? status : 'unreadable';
  return <span className={`badge badge-${known}`}>{t(`closings.status.${known}`)}</span>;
}
