import type { FiscalStatus, PrinterStatus, StaffMember } from '@pos/core';
import { create } from 'zustand';
import type { ConnectionState } from '../bridge';
import type { Locale } from '../i18n/i18n';
import { useDialogStore } from './dialog-store';
import { conditionHolds, type NoticeCondition } from './notice-conditions';
import { overlayOpen, useOverlayStore } from './overlay-store';

export type Phase = 'booting' | 'no-host' | 'fatal' | 'signin' | 'selling';
export type Panel = 'search' | 'payment' | 'done' | 'history' | 'parked';
export type NoticeLevel = 'info' | 'success' | 'warning' | 'error';
/** One translated sentence: an i18n key and its values, translated where it is shown (so a language switch applies). */
export type Message = { readonly key: string; readonly values?: Record<string, unknown> };
/**
 * A message for the cashier. `details`: one sentence each (the host's refusal, problem by
 * problem), with `words` the host's own, shown only as a detail for support.
 */
export type Notice = Message & {
  readonly id: number;
  readonly level: NoticeLevel;
  readonly details?: readonly (Message & { readonly words?: string })[];
  /** The host's own words (English) about the whole error: a detail for support, never the message. */
  readonly words?: string;
  /** The state the notice is about: it goes by itself when that state ends. */
  readonly while?: NoticeCondition;
};

type AppState = {
  phase: Phase;
  bootKey: string;
  bootValues: Record<string, unknown>;
  fatalMessage: string | null;
  connection: ConnectionState;
  printer: PrinterStatus | null;
  storagePersisted: boolean | null;
  staff: StaffMember | null;
  /** The till has no staff yet: the sign-in screen sets up its first manager. */
  needsSetup: boolean;
  /** The host's till code, known from its hello (before the databases open): receipt numbers in the fiscal banner. */
  tillId: string;
  /** Whether the host may seal: "stopped" blocks selling for everyone until support restores the journal. */
  fiscal: FiscalStatus;
  locale: Locale;
  panel: Panel;
  helpOpen: boolean;
  notice: Notice | null;
  /** Text for the search box: set by the wedge when a person types with the focus elsewhere. */
  searchText: string;
  searchFocusToken: number;
};

type AppActions = {
  setBoot(key: string, values?: Record<string, unknown>): void;
  notify(level: NoticeLevel, key: string, values?: Record<string, unknown>, details?: Notice['details'], words?: string): void;
  /** A notice about a state of the till (host unreachable, a dialog or panel open…), dropped when the state ends. */
  notifyWhile(condition: NoticeCondition, level: NoticeLevel, key: string, values?: Record<string, unknown>, words?: string): void;
  dismissNotice(): void;
  setPanel(panel: Panel): void;
  setSearchText(text: string, focus?: boolean): void;
  toggleHelp(open?: boolean): void;
};

let noticeId = 0;

export const useAppStore = create<AppState & AppActions>()((set) => ({
  phase: 'booting',
  bootKey: 'app.booting',
  bootValues: {},
  fatalMessage: null,
  connection: 'connecting',
  printer: null,
  storagePersisted: null,
  staff: null,
  needsSetup: false,
  tillId: '',
  fiscal: { state: 'ok' },
  locale: 'fr',
  panel: 'search',
  helpOpen: false,
  notice: null,
  searchText: '',
  searchFocusToken: 0,
  setBoot: (bootKey, bootValues = {}) => set({ bootKey, bootValues }),
  notify: (level, key, values, details, words) =>
    set({
      notice: {
        id: ++noticeId,
        level,
        key,
        ...(values ? { values } : {}),
        ...(details?.length ? { details } : {}),
        ...(words ? { words } : {}),
      },
    }),
  notifyWhile: (condition, level, key, values, words) =>
    set({ notice: { id: ++noticeId, level, key, ...(values ? { values } : {}), ...(words ? { words } : {}), while: condition } }),
  dismissNotice: () => set({ notice: null }),
  setPanel: (panel) => set({ panel }),
  setSearchText: (searchText, focus = false) =>
    set((s) => ({ searchText, searchFocusToken: focus ? s.searchFocusToken + 1 : s.searchFocusToken })),
  toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
}));

/** Nothing can be sealed: selling waits until support restores the host's journal. */
export function sealingStopped(): boolean {
  return useAppStore.getState().fiscal.state === 'stopped';
}

/** A notice whose state has ended (the host is back, the dialog or panel closed, the drawer shut) leaves the screen. */
function dropEndedNotice(): void {
  const app = useAppStore.getState();
  const condition = app.notice?.while;
  if (!condition) return;
  if (!conditionHolds(condition, { ...app, overlayOpen: overlayOpen() })) app.dismissNotice();
}
useAppStore.subscribe(dropEndedNotice);
useDialogStore.subscribe(dropEndedNotice);
useOverlayStore.subscribe(dropEndedNotice);
