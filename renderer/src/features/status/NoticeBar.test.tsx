import 'fake-indexeddb/auto';
import { PosError, type PrinterStatus } from '@pos/core';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkDevices } from '../../app/device-link';
import { useAppStore } from '../../state/app-store';
import { useDialogStore } from '../../state/dialog-store';
import { notifyError } from '../../state/error-notice';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
import { noticeText } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';

let till: Till;
let unlink: () => void;
beforeEach(async () => {
  till = await startTill();
  unlink = linkDevices(till.bridge);
});
afterEach(async () => {
  unlink();
  await stopTill();
});

const printer = (conditions: PrinterStatus['conditions']): PrinterStatus => ({
  state: 'ready',
  target: 'tcp://192.0.2.1:9100',
  checkedAt: new Date().toISOString(),
  ...(conditions ? { conditions } : {}),
});

describe('a notice about a state of the till', () => {
  it('"scan ignored" leaves once the dialog that made the till ignore it is closed', () => {
    renderTill();
    act(() => useDialogStore.setState({ request: { kind: 'confirm-void' }, resolve: () => undefined }));
    act(() => till.emit('scanner.scan', { code: '3017620422003', source: 'hid-pos' }));
    expect(noticeText()).toContain('Code 3017620422003 lu pendant une fenêtre ouverte');
    act(() => useDialogStore.setState({ request: null, resolve: null }));
    expect(noticeText()).toBe('');
  });

  it("the host's drawer warning leaves once the printer says the drawer is shut", () => {
    renderTill();
    act(() => useAppStore.setState({ printer: printer(['drawer-open']) }));
    act(() =>
      till.emit('host.notice', {
        level: 'warning',
        code: 'drawer-left-open',
        values: { seconds: 30 },
        message: 'The cash drawer has been open for more than 30 s: close it.',
        while: 'drawer-open',
      }),
    );
    const said = 'Le tiroir-caisse est ouvert depuis plus de 30 s : fermez-le.';
    expect(noticeText()).toContain(said);
    act(() => useAppStore.setState({ printer: printer(['drawer-open', 'paper-near-end']) }));
    expect(noticeText()).toContain(said);
    act(() => useAppStore.setState({ printer: printer([]) }));
    expect(noticeText()).toBe('');
  });

  it('"nothing can be recorded" leaves once the fiscal journal is back', () => {
    renderTill();
    act(() => useAppStore.setState({ fiscal: { state: 'stopped', reason: 'write-failed', problems: [] } }));
    act(() => void refuseWhileSealingStopped());
    expect(noticeText()).toContain('La caisse ne peut rien enregistrer');
    act(() => useAppStore.setState({ fiscal: { state: 'ok' } }));
    expect(noticeText()).toBe('');
  });

  it('"the host does not answer" leaves once the host is connected again', () => {
    renderTill();
    act(() => useAppStore.setState({ connection: 'disconnected' }));
    act(() => notifyError(new PosError('HOST_UNAVAILABLE', 'The till host is not connected')));
    const said = noticeText();
    expect(said).not.toBe('');
    act(() => useAppStore.setState({ connection: 'connecting' }));
    expect(noticeText()).toBe(said);
    act(() => useAppStore.setState({ connection: 'connected' }));
    expect(noticeText()).toBe('');
  });

  it('a notice about something that happened stays until the cashier closes it', () => {
    renderTill();
    act(() => useAppStore.getState().notify('error', 'fiscal.blocked'));
    act(() => useAppStore.setState({ fiscal: { state: 'ok' }, printer: printer([]), connection: 'connected' }));
    act(() => useDialogStore.setState({ request: null, resolve: null }));
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
