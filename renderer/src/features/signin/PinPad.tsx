import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './pin-pad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A key press leaves the focus in the PIN field: Enter still signs in, a keyboard still types. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Digits for a touch screen with no keyboard, laid out as a phone's: a PIN of at most `max`
 * digits. The two edit keys hold words, so they get a row of their own width and a smaller type.
 */
export function PinPad({
  onChange,
  max = 6,
  disabled,
}: {
  onChange: (update: (pin: string) => string) => void;
  max?: number;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const keyProps = { type: 'button' as const, tabIndex: -1, disabled, onMouseDown: keepFocus };
  const digit = (d: string) => (
    <button
      key={d}
      {...keyProps}
      className="pin-key"
      aria-label={t('signin.digit', { digit: d })}
      onClick={() => onChange((p) => (p + d).slice(0, max))}
    >
      {d}
    </button>
  );
  return (
    <div className="pin-pad">
      {DIGITS.map(digit)}
      <button {...keyProps} className="pin-key pin-edit" onClick={() => onChange((p) => p.slice(0, -1))}>
        {t('signin.backspace')}
      </button>
      {digit('0')}
      <button {...keyProps} className="pin-key pin-edit" onClick={() => onChange(() => '')}>
        {t('signin.clear')}
      </button>
    </div>
  );
}

/** What a PIN field keeps of what was typed: digits only, at most six. */
export function pinDigits(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(0, 6);
}
