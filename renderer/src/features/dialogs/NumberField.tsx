import type { ReactNode, Ref } from 'react';
import { NumericKeypad } from './NumericKeypad';
import './dialogs.css';

/**
 * A number typed or touched: the field, and beside it the on-screen keypad that feeds it, so
 * the dialog is done on a till with no keyboard as well as with one. `children`: what goes with
 * the number (a unit toggle, the scale button, a reason), under the field.
 */
export function NumberField({
  label,
  value,
  onChange,
  decimal,
  inputRef,
  children,
}: {
  label: string;
  value: string;
  onChange: (next: string) => void;
  decimal?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  children?: ReactNode;
}) {
  return (
    <div className="number-field">
      <div className="number-field-main">
        <label>
          <span>{label}</span>
          <input
            ref={inputRef}
            inputMode={decimal ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </label>
        {children}
      </div>
      <NumericKeypad value={value} onChange={onChange} decimal={decimal} />
    </div>
  );
}
