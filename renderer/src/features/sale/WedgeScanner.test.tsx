import { defaultDeviceSettings, demoProduct } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { useDeviceStore } from '../../state/device-store';
import { cartLines, lineNamed, paymentRegion, searchBox } from '../../test-support/screen-queries';
import { blurAll, pause, pressKeys, spaced } from '../../test-support/timed-keys';
import { renderTill, startTill, stopTill } from '../../test-support/till-harness';
import { editQuantity } from './line-actions';
import { sellCode } from './sell';

/**
 * The keyboard wedge as SaleScreen mounts it, driven by keydown events with chosen timestamps
 * (see timed-keys.ts): a scanner types a code in a few ms and ends with Enter; a person is slower.
 */
const oignons = demoProduct(100);
const code = oignons.barcodes[0]!;

beforeEach(async () => {
  await startTill();
});
afterEach(async () => {
  await stopTill();
});

const SCANNER_GAP = 4;

describe('with the focus on no text field', () => {
  it('takes a fast burst ended by Enter as a scan, and keeps its keys out of the page', async () => {
    renderTill();
    blurAll();
    expect(document.activeElement).toBe(document.body);
    const events = await pressKeys([...spaced(code, SCANNER_GAP), ['Enter', code.length * SCANNER_GAP]]);
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    expect(searchBox().value).toBe('');
  });

  it('takes two scans in a row as two units of the product', async () => {
    renderTill();
    blurAll();
    await pressKeys([...spaced(code, SCANNER_GAP), ['Enter', 60]]);
    blurAll();
    await pressKeys([...spaced(code, SCANNER_GAP), ['Enter', 60]]);
    await waitFor(() => expect(lineNamed(oignons.name).quantity).toBe('2'));
  });

  it('sends slow typing to the search box', async () => {
    renderTill();
    blurAll();
    await pressKeys(spaced('pom', 150));
    await pause(100);
    expect(searchBox().value).toBe('pom');
    expect(document.activeElement).toBe(searchBox());
    expect(cartLines()).toEqual([]);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Résultats de recherche' })).toBeTruthy());
  });

  it('sells a code a person types slowly and ends with Enter', async () => {
    renderTill();
    blurAll();
    await pressKeys([...spaced(code, 90), ['Enter', code.length * 90]]);
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(searchBox().value).toBe('');
  });

  it('loses and doubles no key when a person types at about 45 ms a key', async () => {
    // Between the scanner threshold (40 ms) and the idle timer (50 ms): the first key is held, the
    // second flushes it into the search box and moves the focus there, the next ones are typed in it.
    renderTill();
    blurAll();
    await pressKeys(spaced('pomme', 45));
    await pause(120);
    expect(searchBox().value).toBe('pomme');
  });
});

describe('with the focus in the search box', () => {
  it('takes a fast burst as a scan and takes its digits back out of the box', async () => {
    renderTill();
    expect(document.activeElement).toBe(searchBox());
    await pressKeys([...spaced(code, SCANNER_GAP), ['Enter', code.length * SCANNER_GAP]]);
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(searchBox().value).toBe('');
  });

  it('keeps what the cashier had typed before the scan', async () => {
    renderTill();
    await pressKeys(spaced('pom', 150));
    await pressKeys([...spaced(code, SCANNER_GAP, 200), ['Enter', 200 + code.length * SCANNER_GAP]]);
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(searchBox().value).toBe('pom');
  });
});

describe('with the focus in another text field', () => {
  it("does not intercept keys typed in a dialog's field", async () => {
    renderTill();
    await act(() => sellCode(code));
    let done: Promise<void> | undefined;
    act(() => {
      done = editQuantity();
    });
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    const field = within(dialog).getByLabelText('Quantité') as HTMLInputElement;
    act(() => {
      field.focus();
      field.select();
    });
    await userEvent.setup().clear(field);
    const events = await pressKeys(spaced('12', SCANNER_GAP));
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
    expect(field.value).toBe('12');
    expect(cartLines()).toHaveLength(1);
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Valider' }));
    await act(() => done!);
    expect(lineNamed(oignons.name).quantity).toBe('12');
  });

  it('does not intercept a fast burst typed in the cash amount field', async () => {
    renderTill();
    await act(() => sellCode(code));
    await userEvent.setup().click(screen.getByRole('button', { name: /^Encaisser/ }));
    const cash = within(paymentRegion()).getByLabelText('Montant reçu') as HTMLInputElement;
    expect(document.activeElement).toBe(cash);
    const events = await pressKeys(spaced('2000', SCANNER_GAP));
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
    expect(cash.value).toBe('2000');
    expect(useCartStore.getState().cart.lines).toHaveLength(1);
  });
});

describe('a scan whose keys a long task held back', () => {
  it('is still one scan when the idle timer expires before the queued keys are handled', async () => {
    renderTill();
    blurAll();
    // The scanner sent its keys 2 ms apart, 100 ms ago; a long task kept them in the input queue.
    const t0 = performance.now() - 100;
    const dispatch = (key: string, at: number) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: at });
      (document.activeElement ?? document.body).dispatchEvent(event);
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      act(() => dispatch(code[0]!, t0));
      // The wedge's idle timer expires first; the queued keys are handled right after it.
      act(() => void vi.advanceTimersToNextTimer());
      act(() => {
        [...code.slice(1)].forEach((key, i) => dispatch(key, t0 + (i + 1) * 2));
        dispatch('Enter', t0 + code.length * 2);
      });
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(searchBox().value).toBe('');
  });
});

describe('a GS1-128 typed by a keyboard-wedge scanner', () => {
  // Net weight 1.250 kg, batch LOT42 (variable length: the separator ends it), then the use-by date.
  const weighed = demoProduct(0);
  const label = (separator: string, useBy: string) => `]C101${`0${weighed.barcodes[0]!}`}3103001250` + `10LOT42${separator}17${useBy}`;
  const CTRL_BRACKET: KeyboardEventInit = { ctrlKey: true, code: 'BracketRight' };

  /** The label's keys as the scanner types them, the separator as Ctrl+] (its keystroke) or a substitute character. */
  function typed(text: string, separatorKey?: KeyboardEventInit): ReturnType<typeof spaced> {
    const keys = spaced(text, SCANNER_GAP).map(([key, at]) =>
      key === '\u001d' ? ([']', at, separatorKey] as const) : ([key, at] as const),
    );
    return [...keys, ['Enter', text.length * SCANNER_GAP]];
  }

  async function soldLine(): Promise<{ quantity: number; code: string }> {
    await waitFor(() => expect(useCartStore.getState().cart.lines).toHaveLength(1));
    const [line] = useCartStore.getState().cart.lines;
    return { quantity: line!.quantity, code: line!.code ?? '' };
  }

  it('sells it at its weight with the separator sent as Ctrl+], as the same label from a HID scanner', async () => {
    await act(() => sellCode(label('\u001d', '301231')));
    const fromHid = await soldLine();
    useCartStore.setState((s) => ({ cart: { ...s.cart, lines: [] } }));

    renderTill();
    blurAll();
    const events = await pressKeys(typed(label('\u001d', '301231'), CTRL_BRACKET));
    expect(await soldLine()).toEqual(fromHid);
    expect(fromHid.quantity).toBe(1250);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    expect(searchBox().value).toBe('');
  });

  it.each(['~', '|', '<GS>'])(
    'reads the use-by date after a separator sent as "%s": a label past its date is refused',
    async (substitute) => {
      renderTill();
      blurAll();
      await pressKeys(typed(label(substitute, '200101')));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/2020-01-01/));
      expect(cartLines()).toEqual([]);
    },
  );

  it('reads F8 as the separator once the Devices screen says the scanner sends it, after a restart too', async () => {
    const settings = { ...defaultDeviceSettings(), printer: { target: 'none', profile: 'esc-pos-80' } };
    const inventory = { serialPorts: [], hidDevices: [], printerProfiles: [], statuses: [], listErrors: [] };
    act(() =>
      useDeviceStore.setState({
        inventory: { ...inventory, settings: { ...settings, scanner: { ...settings.scanner, gsForms: ['f8'] } } },
      }),
    );
    // The page restarts: the Devices screen has not been opened yet.
    act(() => useDeviceStore.setState({ inventory: null }));
    try {
      renderTill();
      blurAll();
      await pressKeys(
        typed(label('\u001d', '301231'), { key: 'F8' }).map(([key, at, init]) => (init ? (['F8', at] as const) : ([key, at] as const))),
      );
      expect((await soldLine()).quantity).toBe(1250);
    } finally {
      localStorage.clear();
    }
  });

  it('reads the label with the focus in the search box too', async () => {
    renderTill();
    act(() => searchBox().focus());
    await pressKeys(typed(label('\u001d', '301231'), CTRL_BRACKET));
    expect((await soldLine()).quantity).toBe(1250);
    expect(searchBox().value).toBe('');
  });
});
