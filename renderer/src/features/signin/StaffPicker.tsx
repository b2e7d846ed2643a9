import type { StaffMember } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { services } from '../../state/services';
import { findStaff } from './staff-match';
import { formatCountdown, type Lockouts } from './use-lockouts';

/**
 * "Who are you?": a tile per person of this till, or a badge (or name) typed or scanned into the
 * field, which has the focus so a badge reader works at once. A locked person's tile says for
 * how long, and offers a manager's unlock.
 */
export function StaffPicker({
  staff,
  lockouts,
  onChoose,
  onUnlock,
}: {
  staff: readonly StaffMember[];
  lockouts: Lockouts;
  onChoose: (person: StaffMember) => void;
  onUnlock: (person: StaffMember) => void;
}) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const [unknown, setUnknown] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const pick = (typed: string) => {
    const person = findStaff(staff, typed);
    setUnknown(person === null);
    if (person) onChoose(person);
  };
  // A badge read by a scanner the host drives (HID POS, serial) arrives as a scan, not as keys.
  const pickRef = useRef(pick);
  pickRef.current = pick;
  useEffect(() => services().bridge.on('scanner.scan', (scan) => pickRef.current(scan.code)), []);

  return (
    <div className="staff-picker">
      <h2 id="signin-choose">{t('signin.choose')}</h2>
      <ul className="staff-tiles" aria-labelledby="signin-choose">
        {staff.map((person) => {
          const seconds = lockouts.secondsLeft(person.id);
          return (
            <li key={person.id} className={seconds > 0 ? 'staff-tile locked' : 'staff-tile'}>
              <button type="button" className="staff-name" onClick={() => onChoose(person)}>
                {person.displayName}
              </button>
              {seconds > 0 && (
                <>
                  <span className="staff-lock">{t('signin.lockedTile', { time: formatCountdown(seconds) })}</span>
                  <button
                    type="button"
                    className="staff-unlock"
                    aria-label={t('signin.unlockTitle', { name: person.displayName })}
                    onClick={() => onUnlock(person)}
                  >
                    {t('signin.unlock')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="staff-badge"
        onSubmit={(e) => {
          e.preventDefault();
          setBadge('');
          pick(badge);
        }}
      >
        <label>
          <span>{t('signin.badge')}</span>
          <input ref={field} autoComplete="off" maxLength={64} value={badge} onChange={(e) => setBadge(e.target.value)} />
        </label>
        {unknown && (
          <p role="alert" className="form-error">
            {t('signin.noSuchPerson')}
          </p>
        )}
      </form>
    </div>
  );
}
