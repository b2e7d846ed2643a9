import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { overlayOpen } from '../../state/overlay-store';
import { Overlay } from './Overlay';

function Page({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <input aria-label="search" data-wedge="search" />
      <button type="button" onClick={() => setOpen(true)}>
        open
      </button>
      {open && (
        <Overlay
          label="panel"
          onClose={() => {
            onClose?.();
            setOpen(false);
          }}
        >
          <p>text</p>
          <input aria-label="amount" defaultValue="12" />
          <button type="submit">ok</button>
        </Overlay>
      )}
    </>
  );
}

describe('Overlay', () => {
  it('counts as open from the moment it is drawn until it closes', async () => {
    const user = userEvent.setup();
    render(<Page />);
    expect(overlayOpen()).toBe(false);
    await user.click(screen.getByRole('button', { name: 'open' }));
    expect(overlayOpen()).toBe(true);
    await user.keyboard('{Escape}');
    expect(overlayOpen()).toBe(false);
  });

  it('focuses the first field with its text selected, and gives the focus back to the opener', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    const amount = screen.getByLabelText<HTMLInputElement>('amount');
    expect(document.activeElement).toBe(amount);
    expect([amount.selectionStart, amount.selectionEnd]).toEqual([0, 2]);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(opener);
  });

  it('brings back to itself a focus something behind it takes', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    screen.getByLabelText('search').focus();
    expect(document.activeElement).toBe(screen.getByLabelText('amount'));
  });

  it('keeps Enter from acting with the focus outside it, and the browser’s F-keys (F5 reloads) off', async () => {
    const user = userEvent.setup();
    const behind = vi.fn();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    window.addEventListener('keydown', behind);
    (document.activeElement as HTMLElement).blur();
    expect(fireEvent.keyDown(document.body, { key: 'Enter' })).toBe(false);
    expect(fireEvent.keyDown(screen.getByLabelText('amount'), { key: 'F5' })).toBe(false);
    window.removeEventListener('keydown', behind);
    // Enter never reached the page behind; F5 did (its default only is off).
    expect(behind.mock.calls.map(([e]) => (e as KeyboardEvent).key)).toEqual(['F5']);
  });
});
