import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The button's words, e.g. "Disable". */
  readonly label: string;
  /** The question asked before doing it. */
  readonly question: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
};

/**
 * A button whose action is asked again in place (no browser dialog): the question, then confirm
 * or cancel, focus moving to the question's confirm button so the keyboard and screen readers follow.
 */
export function ConfirmAction({ label, question, onConfirm, disabled }: Props) {
  const { t } = useTranslation();
  const questionId = useId();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span role="group" aria-labelledby={questionId} className="confirm">
      <span id={questionId}>{question}</span>{' '}
      <button
        type="button"
        // The question replaced the button that had focus: its confirm button takes it.
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('confirm.yes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('confirm.no')}
      </button>
    </span>
  );
}
