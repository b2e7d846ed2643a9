import { useEffect, useRef } from 'react';
import { PinPad, pinDigits } from './PinPad';

/**
 * A PIN field and its pad that keep the focus: the field is read-only (never disabled, which
 * would drop the focus) while the host checks the PIN, and takes the focus back after each
 * answer, cleared, so a wrong PIN is retyped at once.
 */
export function PinEntry({ label, pin, onPin, busy }: { label: string; pin: string; onPin: (pin: string) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy]);
  return (
    <>
      <input
        ref={input}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label={label}
        maxLength={6}
        value={pin}
        readOnly={busy}
        aria-busy={busy}
        onChange={(e) => onPin(pinDigits(e.target.value))}
      />
      <PinPad disabled={busy} onChange={(update) => onPin(update(pin))} />
    </>
  );
}
