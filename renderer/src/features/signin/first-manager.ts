import { isGuessablePin, isWellFormedPin } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { replaceStaff, services } from '../../state/services';

export type SetupProblem = 'nameRequired' | 'pinFormat' | 'pinGuessable' | 'pinMismatch';

/** The host's PIN rules (core), and the same PIN typed twice: said here in words before the host is asked. */
export function setupProblem(displayName: string, pin: string, confirm: string): SetupProblem | null {
  if (displayName.trim() === '') return 'nameRequired';
  if (!isWellFormedPin(pin)) return 'pinFormat';
  if (isGuessablePin(pin)) return 'pinGuessable';
  if (pin !== confirm) return 'pinMismatch';
  return null;
}

/**
 * A new till has nobody to sign in: its first manager is created here (the host seals it), then
 * signs in with the PIN like anyone else. Staff from the hub come later.
 */
export async function setUpFirstManager(displayName: string, pin: string): Promise<void> {
  const { bridge } = services();
  const member = await bridge.invoke('staff.setup', { displayName: displayName.trim(), pin });
  replaceStaff(await bridge.invoke('staff.list').catch(() => [member]));
  useAppStore.setState({ needsSetup: false });
  useAppStore.getState().notify('success', 'setup.done', { name: member.displayName });
}
