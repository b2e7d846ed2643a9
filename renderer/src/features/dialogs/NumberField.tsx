import type { Ref } from 'react';
import { NumericKeypad } from './NumericKeypad';
import './dialogs.css';

/**
 * A number typed or touched: the field, and the on-screen keypad that feeds it, so the dialog
 * is done on a till with no keyboard as well as with one.
 */
export function NumberField({
  label,
  value,
  onChange,
  decimal,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (next: string) => void;
  decimal?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="number-field">
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
      <NumericKeypad value={value} onChange={onChange} decimal={decimal} />
    </div>
  );
}
