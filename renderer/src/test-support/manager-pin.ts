import { fireEvent, screen, within } from '@testing-library/react';

/** A manager types their PIN in the shared approval dialog and confirms it. */
export async function typeManagerPin(pin: string): Promise<void> {
  const dialog = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
  fireEvent.change(within(dialog).getByLabelText('Code du responsable'), { target: { value: pin } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Valider' }));
}
