import { useEffect, useRef } from 'react';

/** A panel opened from a row or a New button: the keyboard goes to its first enabled field or button (Close, read-only). */
export function useFocusFirst() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const controls = box.current?.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button') ?? [];
    [...controls].find((c) => !c.disabled)?.focus();
  }, []);
  return box;
}
