import { useState } from 'react';
import type { Message } from '../../state/app-store';

/**
 * A PIN sent to the host: one request at a time, the PIN cleared after every answer (right or
 * wrong), and the host's refusal kept as a sentence to show beside the field.
 */
export function usePinSubmit(send: (pin: string) => Promise<void>, refusalOf: (error: unknown) => Message | null) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Message | null>(null);

  const submit = async () => {
    if (busy || pin.length === 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      await send(pin);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  return { pin, setPin, busy, refusal, submit };
}
