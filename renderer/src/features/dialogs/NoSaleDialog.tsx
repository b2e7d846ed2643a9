import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';
import { Modal } from './Modal';

const REASONS = ['change', 'correction', 'other'] as const;

/** Opening the drawer with no sale: a reason, journaled. */
export function NoSaleDialog() {
  const { t } = useTranslation();
  const [reason, setReason] = useState<(typeof REASONS)[number]>('change');
  return (
    <Modal title={t('devices.noSaleTitle')} onSubmit={() => answer({ kind: 'no-sale', reason })}>
      <label>
        <span>{t('devices.noSaleReason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`devices.noSaleReasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </Modal>
  );
}
