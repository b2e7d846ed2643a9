import { defaultDeviceSettings, demoProduct, PosError, type DeviceInventory, type DeviceSettingsPatch } from '@pos/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { feedCustomerDisplay } from '../../app/customer-display-feed';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { noticeText } from '../../test-support/screen-queries';
import { MANAGER, MANAGER_PIN } from '../../test-support/fake-bridge';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellProduct } from '../sale/sell';

let stopFeed = () => {};
afterEach(async () => {
  stopFeed();
  stopFeed = () => {};
  await stopTill();
});

const inventory: DeviceInventory = {
  serialPorts: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }],
  hidDevices: [{ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, vendor: 'Honeywell', hidPos: true }],
  settings: { ...defaultDeviceSettings(), printer: { target: 'tcp://192.168.1.20:9100', profile: 'esc-pos-80' } },
  printerProfiles: [{ id: 'esc-pos-80', label: 'ESC/POS 80 mm' }],
  statuses: [
    { role: 'printer', label: 'tcp://192.168.1.20:9100', state: 'error', message: 'The printer is out of paper: put in a new roll.' },
    { role: 'scanner', label: 'Keyboard wedge (no setup)', state: 'ready' },
  ],
  listErrors: [],
};

function withDevices(till: Till): DeviceSettingsPatch[] {
  const saved: DeviceSettingsPatch[] = [];
  till.handle('devices.list', () => inventory);
  till.handle('devices.configure', (patch: DeviceSettingsPatch) => {
    saved.push(patch);
    return { ...inventory, settings: { ...inventory.settings, ...patch } };
  });
  till.handle('devices.test', ({ test }: { test: string }) => ({
    ok: test !== 'scale',
    message: test === 'scale' ? 'Wait for the scale to settle' : `${test} ok`,
  }));
  return saved;
}

describe('the Devices screen', () => {
  it('is not offered to a cashier', async () => {
    await startTill();
    renderTill();
    expect(screen.queryByRole('button', { name: 'Périphériques' })).toBeNull();
  });

  it('shows each device with its state and the fix, runs a test, and saves only what changed', async () => {
    const till = await startTill({ staff: MANAGER });
    const saved = withDevices(till);
    renderTill();
    fireEvent.click(screen.getByRole('button', { name: 'Périphériques' }));
    const panel = await screen.findByRole('dialog', { name: 'Périphériques' });
    const printerRow = await waitFor(() => panel.querySelector('tr[data-role="printer"]') as HTMLElement);
    expect(printerRow.textContent).toContain('put in a new roll');
    expect(printerRow.dataset.state).toBe('error');

    fireEvent.click(within(panel).getByRole('button', { name: 'Lire la balance' }));
    expect(await within(panel).findByText('Wait for the scale to settle')).toBeTruthy();

    fireEvent.change(within(panel).getByLabelText('Mode'), { target: { value: 'serial' } });
    fireEvent.change(within(panel).getAllByLabelText('Port')[0]!, { target: { value: '/dev/ttyUSB0' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(Object.keys(saved[0]!)).toEqual(['scanner']);
    expect(saved[0]!.scanner).toMatchObject({ mode: 'serial', path: '/dev/ttyUSB0', suffix: 'CR' });
  });
});

describe('the printer address on the Devices screen', () => {
  async function openPanel(): Promise<{ panel: HTMLElement; saved: DeviceSettingsPatch[]; till: Till }> {
    const till = await startTill({ staff: MANAGER });
    const saved = withDevices(till);
    renderTill();
    fireEvent.click(screen.getByRole('button', { name: 'Périphériques' }));
    const panel = await screen.findByRole('dialog', { name: 'Périphériques' });
    await within(panel).findByLabelText('Adresse de l’imprimante');
    return { panel, saved, till };
  }

  it('says what is wrong with an invalid address as it is typed, and saves nothing until it is right', async () => {
    const { panel, saved } = await openPanel();
    const field = within(panel).getByLabelText('Adresse de l’imprimante');
    const save = within(panel).getByRole('button', { name: 'Enregistrer' });
    for (const [typed, said] of [
      ['tcp://300.1.2.3:99999', '« 300.1.2.3 » n’est pas une adresse IP (quatre nombres de 0 à 255).'],
      ['abc', '« abc » seul n’est pas une adresse : pour une imprimante réseau, écrivez tcp://abc ou abc:9100.'],
      ['tcp://:9100', 'L’adresse « tcp://:9100 » ne nomme aucun hôte.'],
    ] as const) {
      fireEvent.change(field, { target: { value: typed } });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(within(panel).getByText(said)).toBeTruthy();
      expect((save as HTMLButtonElement).disabled).toBe(true);
    }
    fireEvent.change(field, { target: { value: 'tcp://192.168.1.30:9100' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(save);
    await waitFor(() => expect(saved).toEqual([{ printer: { target: 'tcp://192.168.1.30:9100', profile: 'esc-pos-80' } }]));
  });

  it("says the host's refusal in the screen's language, not the host's English", async () => {
    const { panel, till } = await openPanel();
    till.handle('devices.configure', () => {
      throw new PosError('INVALID_REQUEST', 'printer.target: "tcp://10.0.0.1:70000" is not valid', {
        reason: 'device-settings',
        printerTarget: { code: 'bad-port', text: 'tcp://10.0.0.1:70000', part: '70000' },
      });
    });
    fireEvent.change(within(panel).getByLabelText('Adresse de l’imprimante'), { target: { value: 'tcp://printer.shop.lan:9100' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe('Le port « 70000 » doit être un nombre de 1 à 65535.');
  });

  it('shows the drawer unable to open while its printer is offline', async () => {
    const till = await startTill({ staff: MANAGER });
    withDevices(till);
    till.handle('devices.list', () => ({
      ...inventory,
      statuses: [
        { role: 'printer', label: 'tcp://192.168.1.20:9100', state: 'disconnected' },
        { role: 'drawer', label: 'Drawer on the printer, pin 2', state: 'disconnected' },
      ],
    }));
    renderTill();
    fireEvent.click(screen.getByRole('button', { name: 'Périphériques' }));
    const panel = await screen.findByRole('dialog', { name: 'Périphériques' });
    const drawerRow = await waitFor(() => panel.querySelector('tr[data-role="drawer"]') as HTMLElement);
    await waitFor(() => expect(drawerRow.dataset.state).toBe('disconnected'));
    expect(drawerRow.textContent).toContain('Le tiroir s’ouvre par l’imprimante');
  });
});

describe('the fiscal signing key', () => {
  it('lets a manager replace it, asked twice, and shows the new key id', async () => {
    const till = await startTill({ staff: MANAGER });
    withDevices(till);
    let rotations = 0;
    till.handle('fiscal.rotateKey', () => {
      rotations += 1;
      return { keyId: 'a1b2c3d4e5f60718', publicKey: 'ab'.repeat(32), record: {} };
    });
    renderTill();
    fireEvent.click(screen.getByRole('button', { name: 'Périphériques' }));
    const section = await screen.findByRole('region', { name: 'Clé de signature fiscale' });
    fireEvent.click(within(section).getByRole('button', { name: 'Renouveler la clé' }));
    expect(rotations).toBe(0);
    expect(within(section).getByText(/Ce changement est définitif/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Confirmer le renouvellement' }));
    await waitFor(() => expect(within(section).getByRole('status').textContent).toContain('a1b2c3d4e5f60718'));
    expect(rotations).toBe(1);
  });
});

describe('the devices the host drives, at the till', () => {
  it('sells a code read by a HID or serial scanner, and says so when a dialog is in the way', async () => {
    const till = await startTill();
    renderTill();
    const product = demoProduct(100);
    act(() => till.emit('scanner.scan', { code: product.barcodes[0]!, source: 'serial' }));
    await waitFor(() => expect(useCartStore.getState().cart.lines.map((l) => l.name)).toEqual([product.name]));
    void ask({ kind: 'confirm-void' });
    act(() => till.emit('scanner.scan', { code: product.barcodes[0]!, source: 'serial' }));
    await waitFor(() => expect(noticeText()).toContain('non ajouté'));
    expect(useCartStore.getState().cart.lines[0]!.quantity).toBe(1);
  });

  it('fills the weight from the scale when the weight dialog opens', async () => {
    const till = await startTill();
    till.handle('scale.read', () => ({ ok: true, grams: 1235 }));
    renderTill();
    const weighed = { ...demoProduct(0), measure: 'weight' as const };
    void sellProduct(weighed);
    const input = await screen.findByLabelText<HTMLInputElement>('Poids');
    await waitFor(() => expect(input.value).toBe('1,235'));
  });

  it('asks a cashier for a manager PIN to open the drawer without a sale, and sends it to the host', async () => {
    const till = await startTill();
    const opened: unknown[] = [];
    till.handle('drawer.open', (request: unknown) => {
      opened.push(request);
      return { opened: true, message: 'Drawer opened' };
    });
    renderTill();
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir le tiroir' }));
    fireEvent.submit(await screen.findByLabelText('Motif'));
    const pin = await screen.findByLabelText('Code du responsable');
    fireEvent.change(pin, { target: { value: MANAGER_PIN } });
    fireEvent.submit(pin);
    await waitFor(() => expect(opened).toEqual([{ reason: 'change', managerPin: MANAGER_PIN }]));
    await waitFor(() => expect(useAppStore.getState().notice).toMatchObject({ level: 'success', key: 'devices.drawerOpened' }));
  });

  it('keeps the customer display on the cart', async () => {
    const till = await startTill();
    stopFeed = feedCustomerDisplay();
    renderTill();
    const product = demoProduct(100);
    act(() => till.emit('scanner.scan', { code: product.barcodes[0]!, source: 'hid-pos' }));
    await waitFor(() =>
      expect(till.callsOf('display.show').at(-1)).toMatchObject({ phase: 'sale', lines: [{ name: product.name, quantity: 1 }] }),
    );
  });
});
