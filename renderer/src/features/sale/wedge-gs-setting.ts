import { DEFAULT_WEDGE_GS_FORMS, WEDGE_GS_FORMS, type WedgeGsForm } from '@pos/core';
import { useDeviceStore } from '../../state/device-store';

const STORAGE_KEY = 'pos.scanner.gsForms';

/**
 * The host sends the device settings only to the manager's Devices screen; the wedge reader
 * needs them for every cashier, from the first scan after a restart. So the page keeps the last
 * forms the Devices screen showed (this till's own storage), and the common forms until then.
 */
function remembered(): readonly WedgeGsForm[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return Array.isArray(parsed) && parsed.every((f) => (WEDGE_GS_FORMS as readonly unknown[]).includes(f))
      ? (parsed as WedgeGsForm[])
      : null;
  } catch {
    return null;
  }
}

useDeviceStore.subscribe((state, previous) => {
  const forms = state.inventory?.settings.scanner.gsForms;
  if (!forms || forms === previous.inventory?.settings.scanner.gsForms) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(forms));
  } catch {
    // Storage full or refused: the reader keeps the settings it has until the page reloads.
  }
});

/** How this till's scanner types the GS1 separator, as last set on the Devices screen. */
export function wedgeGsForms(): readonly WedgeGsForm[] {
  return useDeviceStore.getState().inventory?.settings.scanner.gsForms ?? remembered() ?? DEFAULT_WEDGE_GS_FORMS;
}
