import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { PinPad, pinDigits } from '../signin/PinPad';
import { formatCountdown } from '../signin/use-lockouts';
import { Modal } from './Modal';

/** Whole seconds until `until` (page clock), redrawn each second while some are left. */
function useSecondsUntil(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const left = until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  // One timer per lock, not one per second.
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return left;
}

/** A manager's PIN for an action the cashier may not do alone; the host checks it, never the page. */
export function ManagerDialog({ request }: { request: Extract<DialogRequest, { kind: 'manager' }> }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const locked = useSecondsUntil(request.lockedUntil);
  const error =
    locked > 0
      ? t('dialogs.pinLockedFor', { time: formatCountdown(locked) })
      : request.error
        ? t(request.error.key, request.error.values ?? {})
        : null;
  return (
    <Modal title={t('dialogs.managerTitle')} error={error} submitDisabled={locked > 0} onSubmit={() => answer({ kind: 'pin', pin })}>
      <p>{t('dialogs.managerPrompt', { action: t(request.actionKey) })}</p>
      <label>
        <span>{t('dialogs.managerPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(pinDigits(e.target.value))}
        />
      </label>
      <PinPad onChange={setPin} />
    </Modal>
  );
}
