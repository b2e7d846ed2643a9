import type { CashCheck } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { Overlay } from '../dialogs/Overlay';

/** Amounts as the cashier reads them (formatted money). */
export type CashConfirmFigures = { readonly received: string; readonly due: string; readonly change: string };

/**
 * An amount received that no customer hands over as such (a slip of the keypad, most likely):
 * the cashier confirms it before the change is counted, or goes back to correct it. Correcting
 * comes first, so Enter or Escape never gives the change away.
 */
export function CashConfirm({
  check,
  figures,
  onConfirm,
  onCancel,
}: {
  check: CashCheck;
  figures: CashConfirmFigures;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reason = check.reason === 'change-above-largest-note' ? 'cashCheck.changeAboveNote' : 'cashCheck.farAboveDue';
  return (
    <Overlay labelledBy="cash-confirm-title" onClose={onCancel} className="cash-confirm">
      <h2 id="cash-confirm-title">{t('cashCheck.title')}</h2>
      <p>{t(reason, figures)}</p>
      <div className="cash-confirm-actions">
        <button type="button" className="primary" onClick={onCancel}>
          {t('cashCheck.cancel')}
        </button>
        <button type="button" onClick={onConfirm}>
          {t('cashCheck.confirm', { change: figures.change })}
        </button>
      </div>
    </Overlay>
  );
}
