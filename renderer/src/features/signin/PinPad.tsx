import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** Digits for a touch screen with no keyboard: 64 px keys, a PIN of at most `max` digits. */
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
  return (
    <div className="pin-pad">
      {DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          disabled={disabled}
          aria-label={t('signin.digit', { digit: d })}
          onClick={() => onChange((p) => (p + d).slice(0, max))}
        >
          {d}
        </button>
      ))}
      <button type="button" disabled={disabled} onClick={() => onChange((p) => p.slice(0, -1))}>
        {t('signin.backspace')}
      </button>
      <button type="button" disabled={disabled} onClick={() => onChange(() => '')}>
        {t('signin.clear')}
      </button>
    </div>
  );
}

/** What a PIN field keeps of what was typed: digits only, at most six. */
export function pinDigits(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(0, 6);
}
