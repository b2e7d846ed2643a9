import type { StaffMember } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { errorMessage } from '../../state/error-notice';
import { services, staffName } from '../../state/services';
import { PinEntry } from './PinEntry';
import type { Lockouts } from './use-lockouts';
import { usePinSubmit } from './use-pin-submit';

/** Another manager types their PIN to unlock a locked person; the host checks it and records who did. */
export function UnlockForm({
  person,
  lockouts,
  onDone,
  onCancel,
}: {
  person: StaffMember;
  lockouts: Lockouts;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { pin, setPin, busy, refusal, submit } = usePinSubmit(async (managerPin) => {
    const { approvedBy, lockouts: now } = await services().bridge.invoke('staff.unlock', { staffId: person.id, managerPin });
    lockouts.replace(now);
    useAppStore.getState().notify('success', 'signin.unlocked', { name: person.displayName, by: staffName(approvedBy) });
    onDone();
  }, errorMessage);

  return (
    <form
      aria-label={t('signin.unlockTitle', { name: person.displayName })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('signin.unlockTitle', { name: person.displayName })}</h2>
      <p>{t('signin.unlockPrompt')}</p>
      <PinEntry label={t('signin.unlockPin')} pin={pin} onPin={setPin} busy={busy} />
      {refusal && (
        <p role="alert" className="form-error">
          {t(refusal.key, refusal.values ?? {})}
        </p>
      )}
      <div className="signin-actions">
        <button type="button" onClick={onCancel}>
          {t('signin.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.unlock')}
        </button>
      </div>
    </form>
  );
}
