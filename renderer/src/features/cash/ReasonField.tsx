import { MAX_REASON_LENGTH } from '@pos/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A chip pressed leaves the focus where it was (the amount being typed keeps its selection). */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Why money moves or a variance is accepted: typed, or one of the usual reasons in one touch, so
 * a till with no keyboard can still say why. `choices`: the usual reasons, already worded.
 */
export function ReasonField({
  label,
  reason,
  onReason,
  choices,
}: {
  label: string;
  reason: string;
  onReason: (reason: string) => void;
  choices: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        <span>{label}</span>
        <input value={reason} maxLength={MAX_REASON_LENGTH} onChange={(e) => onReason(e.target.value)} />
      </label>
      <div role="group" aria-label={t('dialogs.usualReasons')} className="reason-chips">
        {choices.map((words) => (
          <button key={words} type="button" aria-pressed={reason === words} onMouseDown={keepFocus} onClick={() => onReason(words)}>
            {words}
          </button>
        ))}
      </div>
    </>
  );
}
