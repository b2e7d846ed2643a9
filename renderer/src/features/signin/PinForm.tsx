import { PosError, type StaffMember } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../app/boot';
import { useAppStore } from '../../state/app-store';
import { errorMessage, notifyError } from '../../state/error-notice';
import { PinEntry } from './PinEntry';
import { formatCountdown, type Lockouts } from './use-lockouts';
import { usePinSubmit } from './use-pin-submit';

/** The chosen person types their PIN; the host counts a wrong one against them only. */
export function PinForm({
  person,
  lockouts,
  onBack,
  onUnlock,
}: {
  person: StaffMember;
  lockouts: Lockouts;
  onBack: () => void;
  onUnlock: () => void;
}) {
  const { t } = useTranslation();
  const seconds = lockouts.secondsLeft(person.id);
  const { pin, setPin, busy, refusal, submit } = usePinSubmit(
    async (typed) => {
      if (seconds > 0) return;
      useAppStore.getState().dismissNotice();
      await signIn(person.id, typed);
    },
    (error) => {
      if (error instanceof PosError && error.code === 'WRONG_PIN') return errorMessage(error);
      // The lock is said by the countdown below the field, which moves with the seconds left.
      if (error instanceof PosError && error.code === 'PIN_LOCKED') lockouts.lock(person.id, Number(error.details?.seconds) || 0);
      else {
        // The host has no staff after all (hello was older than its state): set up the first manager.
        if (error instanceof PosError && error.code === 'SETUP_REQUIRED') useAppStore.setState({ needsSetup: true });
        notifyError(error);
      }
      return null;
    },
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="signin-person">{t('signin.promptFor', { name: person.displayName })}</p>
      <PinEntry label={t('signin.pin')} pin={pin} onPin={setPin} busy={busy} />
      {seconds > 0 ? (
        <div className="form-error signin-locked">
          <p role="alert">{t('signin.lockedFor', { name: person.displayName, time: formatCountdown(seconds) })}</p>
          <button type="button" onClick={onUnlock}>
            {t('signin.unlock')}
          </button>
        </div>
      ) : (
        refusal && (
          <p role="alert" className="form-error">
            {t(refusal.key, refusal.values ?? {})}
          </p>
        )
      )}
      <div className="signin-actions">
        <button type="button" onClick={onBack}>
          {t('signin.changePerson')}
        </button>
        <button type="submit" className="primary" disabled={busy || seconds > 0}>
          {t('signin.submit')}
        </button>
      </div>
    </form>
  );
}
