import { can, type TrainingState } from '@pos/core';
import { create } from 'zustand';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { services } from '../../state/services';
import { askManagerPin } from '../dialogs/ask-manager-pin';

/** Training mode ("mode école") as the host last said: the host decides, the screen shows it. */
export const useTrainingStore = create<{ readonly state: TrainingState }>(() => ({ state: { on: false } }));

/** Asks the host whether training mode is on (after sign-in, and after a restart of the till). */
export async function refreshTraining(): Promise<void> {
  try {
    useTrainingStore.setState({ state: await services().bridge.invoke('training.state') });
  } catch {
    // Kept as it was: the next sign-in asks again.
  }
}

/** Whether the next sale is a training one: the host refuses a sale whose mark is not its mode. */
export function trainingOn(): boolean {
  return useTrainingStore.getState().state.on;
}

/**
 * A manager starts or stops training mode; a cashier asks a manager to type their PIN (a wrong
 * one is said in the dialog, which asks again). The host seals the change (training.start / training.stop) before it is in force.
 */
export async function toggleTraining(): Promise<void> {
  const staff = useAppStore.getState().staff;
  if (!staff) return;
  const on = !trainingOn();
  const set = (managerPin?: string) => services().bridge.invoke('training.set', { on, ...(managerPin ? { managerPin } : {}) });
  try {
    const state = can(staff.role, 'till.settings') ? await set() : await askManagerPin(on ? 'training.start' : 'training.stop', set);
    if (state === null) return;
    useTrainingStore.setState({ state });
    useAppStore.getState().notify('info', state.on ? 'training.started' : 'training.stopped');
  } catch (error) {
    notifyError(error);
  }
}
