import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKeypadKey, fieldTextSelected, type KeypadKey } from './keypad-input';
import './numeric-keypad.css';

const ROWS = ['7', '8', '9', '4', '5', '6', '1', '2', '3'];

/** A key press must leave the focus (and its selection) in the field the keypad feeds. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * Digits for a till with no keyboard, feeding one text field: a cashier may mix keys and touch.
 * The keys never take the focus (mousedown prevented, out of the tab order), so the field keeps
 * its caret and its selection, and Enter still confirms the dialog.
 */
export function NumericKeypad({
  value,
  onChange,
  decimal,
  label,
}: {
  value: string;
  onChange: (next: string) => void;
  decimal?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const press = (key: KeypadKey) => onChange(applyKeypadKey(value, key, fieldTextSelected(value, document.activeElement)));
  const keyProps = { type: 'button' as const, tabIndex: -1, onMouseDown: keepFocus };
  return (
    <div role="group" aria-label={label ?? t('keypad.label')} className="numeric-keypad">
      {ROWS.map((d) => (
        <button key={d} {...keyProps} onClick={() => press({ kind: 'digits', digits: d })}>
          {d}
        </button>
      ))}
      <button {...keyProps} className={decimal ? undefined : 'wide'} onClick={() => press({ kind: 'digits', digits: '0' })}>
        0
      </button>
      <button {...keyProps} onClick={() => press({ kind: 'digits', digits: '00' })}>
        00
      </button>
      {decimal && (
        <button
          {...keyProps}
          aria-label={t('keypad.decimal')}
          onClick={() => press({ kind: 'decimal', separator: t('keypad.decimalSeparator') })}
        >
          {t('keypad.decimalSeparator')}
        </button>
      )}
      <button {...keyProps} className="edit" onClick={() => press({ kind: 'backspace' })}>
        {t('keypad.backspace')}
      </button>
      <button {...keyProps} className="edit" onClick={() => press({ kind: 'clear' })}>
        {t('keypad.clear')}
      </button>
    </div>
  );
}
