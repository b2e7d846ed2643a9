import { parseAmount, type CashMovementKind } from '@pos/core';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore, type Message } from '../../state/app-store';
import { services, useStoreProfile } from '../../state/services';
import { NumberField } from '../dialogs/NumberField';
import { approve } from '../sale/approval';
import { cashErrorMessage } from './cash-words';
import { refreshCashState, showCashScreen } from './cash-store';
import { CashDialog } from './CashDialog';
import { ReasonField } from './ReasonField';

const KINDS: readonly CashMovementKind[] = ['pay-in', 'pay-out', 'safe-drop'];

/** The usual reasons per kind, one touch each: a till with no keyboard can still say why. */
const REASONS: Readonly<Record<CashMovementKind, readonly string[]>> = {
  'pay-in': ['change', 'floatTopUp'],
  'pay-out': ['supplies', 'expenses', 'bank'],
  'safe-drop': ['tooMuchCash', 'endOfShift'],
};

const keepFocus = (e: MouseEvent) => e.preventDefault();

/** Cash into or out of the drawer outside a sale: kind, amount, reason; sealed and the drawer opens. */
export function CashMoveDialog() {
  const { t } = useTranslation();
  const { currency } = useStoreProfile();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [kind, setKind] = useState<CashMovementKind>('pay-out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  // One movement per dialog: a retry (a manager's PIN, a host that did not answer) is the same record.
  const [movementId] = useState(() => crypto.randomUUID());
  const submit = async () => {
    const value = parseAmount(amount);
    if (value === null || value <= 0) return setError({ key: 'dialogs.invalidAmount' });
    if (reason.trim() === '') return setError({ key: 'dialogs.reasonRequired' });
    setBusy(true);
    setError(null);
    try {
      const { bridge } = services();
      const request = { movementId, kind, amount: value, reason: reason.trim() };
      // Cash out goes through the host's approval book, as every approval: one use, for this movement and amount.
      const grant = kind === 'pay-in' ? null : await approve('cash.move', `cash.move.approval.${kind}`, { movementId, amount: value });
      if (kind !== 'pay-in' && !grant) return;
      const done = await bridge.invoke(
        'cash.move',
        grant ? { ...request, approval: { approvalId: grant.approvalId, approvedBy: grant.approvedBy } } : request,
      );
      const words = { kind: t(`cash.moveKind.${kind}`), amount: formatMoney(value, currency, locale) };
      if (done.drawerOpened) useAppStore.getState().notify('success', 'cash.move.done', words);
      else useAppStore.getState().notify('warning', 'cash.move.doneDrawerClosed', words);
      await refreshCashState();
      showCashScreen('home');
    } catch (e) {
      setError(cashErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CashDialog
      title={t('cash.move.title')}
      onClose={() => showCashScreen('home')}
      submitDisabled={busy}
      error={error && t(error.key, error.values ?? {})}
      onSubmit={() => void submit()}
    >
      <div role="group" aria-label={t('cash.move.kind')} className="segmented">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            onMouseDown={keepFocus}
            onClick={() => {
              setKind(k);
              setReason('');
            }}
          >
            {t(`cash.moveKind.${k}`)}
          </button>
        ))}
      </div>
      <NumberField label={t('cash.move.amount')} value={amount} onChange={setAmount} decimal>
        <ReasonField
          label={t('dialogs.reason')}
          reason={reason}
          onReason={setReason}
          choices={REASONS[kind].map((r) => t(`cash.moveReasons.${r}`))}
        />
      </NumberField>
    </CashDialog>
  );
}
