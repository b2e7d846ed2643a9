import { PosError } from '@pos/core';
import { askManagerPin } from '../dialogs/ask-manager-pin';

const isCode = (error: unknown, code: string) => error instanceof PosError && error.code === code;

/** Refused alone, but a manager's PIN would do (not an action reserved to managers whatever the PIN). */
const approverWouldDo = (error: unknown) => isCode(error, 'FORBIDDEN') && (error as PosError).details?.reason !== 'manager-only';

/**
 * A host method a cashier may be refused alone (a pay-out): tried as the person signed in; when
 * the host answers FORBIDDEN, a manager types their PIN in the shared dialog and it is tried
 * again with it. A wrong PIN is said in the dialog, which asks again; a lock counts down there
 * (askManagerPin). Null when nobody approved; other refusals are thrown.
 * `askFirst`: what always takes a manager (a variance over the limit) asks the PIN straight away.
 */
export async function withManagerPin<T>(
  actionKey: string,
  attempt: (managerPin?: string) => Promise<T>,
  { askFirst = false }: { askFirst?: boolean } = {},
): Promise<T | null> {
  if (!askFirst) {
    try {
      return await attempt();
    } catch (refusal) {
      if (!approverWouldDo(refusal)) throw refusal;
    }
  }
  return askManagerPin(actionKey, (pin) => attempt(pin));
}
