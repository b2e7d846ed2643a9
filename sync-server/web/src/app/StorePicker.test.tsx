import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, renderWithI18n, userWith } from '../test-support/render';
import { OfficeClientContext } from './client-context';
import { isStoreId, StorePicker } from './StorePicker';

describe('StorePicker', () => {
  it('lets an accountant pick among their stores', async () => {
    const onChange = vi.fn();
    renderWithI18n(<StorePicker me={userWith('accountant', { stores: ['S1', 'S2'] })} value="S1" onChange={onChange} />);
    await userEvent.selectOptions(screen.getByLabelText('Magasin'), 'S2');
    expect(onChange).toHaveBeenCalledWith('S2');
  });

  it('has an administrator type a store id, refusing an invalid one in French', async () => {
    const onChange = vi.fn();
    renderWithI18n(<StorePicker me={userWith('admin', { stores: [] })} value={null} onChange={onChange} />);
    const field = screen.getByLabelText('Identifiant du magasin');
    await userEvent.type(field, 'bad id!');
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(screen.getByRole('alert').textContent).toContain('1 à 64 lettres');
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, 'PARIS-01');
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(onChange).toHaveBeenCalledWith('PARIS-01');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has an administrator pick from every store the hub lists, by name', async () => {
    const onChange = vi.fn();
    const admin = vi.fn(async () => ({
      stores: [
        { storeId: 'S1', name: 'Paris' },
        { storeId: 'S2', name: 'Lyon' },
      ],
    }));
    renderWithI18n(
      <OfficeClientContext.Provider value={fakeClient({ admin })}>
        <StorePicker me={userWith('admin', { stores: [] })} value={null} onChange={onChange} />
      </OfficeClientContext.Provider>,
    );
    expect(await screen.findByRole('option', { name: 'Lyon (S2)' })).toBeTruthy();
    expect(screen.queryByLabelText('Identifiant du magasin')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Magasin'), 'S2');
    expect(onChange).toHaveBeenCalledWith('S2');
    expect(admin).toHaveBeenCalledWith('GET', '/stores');
  });

  it('lets an administrator type the id when the list cannot be read', async () => {
    const admin = vi.fn(async () => Promise.reject(new Error('offline')));
    renderWithI18n(
      <OfficeClientContext.Provider value={fakeClient({ admin })}>
        <StorePicker me={userWith('admin', { stores: [] })} value={null} onChange={vi.fn()} />
      </OfficeClientContext.Provider>,
    );
    await waitFor(() => expect(admin).toHaveBeenCalled());
    expect(screen.getByLabelText('Identifiant du magasin')).toBeTruthy();
  });

  it('follows the hub rule for ids', () => {
    expect(isStoreId('S_1-a')).toBe(true);
    expect(isStoreId('catalog')).toBe(false);
    expect(isStoreId('')).toBe(false);
    expect(isStoreId('x'.repeat(65))).toBe(false);
  });
});
