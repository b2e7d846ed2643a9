import { useId } from 'react';

type Props = { readonly label: string; readonly value: string; readonly onChange: (value: string) => void };

/** A labelled text area whose lines are printed lines (an address, a receipt footer). */
export function LinesField({ label, value, onChange }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}

/** The non-empty lines of a text area, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
