import { useAppStore } from '../../state/app-store';
import { replaceStaff, services } from '../../state/services';

export type SetupProblem = 'nameRequired' | 'pinFormat' | 'pinMismatch';

/** A PIN is 4 to 6 digits, typed twice the same: the host checks it too. */
export function setupProblem(displayName: string, pin: string, confirm: string): SetupProblem | null {
  if (displayName.trim() === '') return 'nameRequired';
  if (!/^[0-9]{4,6}$/.test(pin)) return 'pinFormat';
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
