import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { PinPad, pinDigits } from '../signin/PinPad';
import { Modal } from './Modal';

/** A manager's PIN for an action the cashier may not do alone; the host checks it, never the page. */
export function ManagerDialog({ request }: { request: Extract<DialogRequest, { kind: 'manager' }> }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const error = request.error ? t(request.error.key, request.error.values ?? {}) : null;
  return (
    <Modal title={t('dialogs.managerTitle')} error={error} onSubmit={() => answer({ kind: 'pin', pin })}>
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
