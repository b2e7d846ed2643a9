import type { PrinterStatus, StaffMember } from '@pos/core';
import { create } from 'zustand';
import type { ConnectionState } from '../bridge';
import type { Locale } from '../i18n/i18n';

export type Phase = 'booting' | 'no-host' | 'fatal' | 'signin' | 'selling';
export type Panel = 'search' | 'payment' | 'done' | 'history' | 'parked';
export type NoticeLevel = 'info' | 'success' | 'warning' | 'error';
/** A message for the cashier: an i18n key and its values, translated where it is shown. */
export type Notice = { readonly id: number; readonly level: NoticeLevel; readonly key: string; readonly values?: Record<string, unknown> };

type AppState = {
  phase: Phase;
  bootKey: string;
  bootValues: Record<string, unknown>;
  fatalMessage: string | null;
  connection: ConnectionState;
  printer: PrinterStatus | null;
  storagePersisted: boolean | null;
  staff: StaffMember | null;
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
  notify(level: NoticeLevel, key: string, values?: Record<string, unknown>): void;
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
  locale: 'fr',
  panel: 'search',
  helpOpen: false,
  notice: null,
  searchText: '',
  searchFocusToken: 0,
  setBoot: (bootKey, bootValues = {}) => set({ bootKey, bootValues }),
  notify: (level, key, values) => set({ notice: { id: ++noticeId, level, key, ...(values ? { values } : {}) } }),
  dismissNotice: () => set({ notice: null }),
  setPanel: (panel) => set({ panel }),
  setSearchText: (searchText, focus = false) =>
    set((s) => ({ searchText, searchFocusToken: focus ? s.searchFocusToken + 1 : s.searchFocusToken })),
  toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
}));

/** Turns a thrown error into a notice, with the host's code when it has one. */
export function notifyError(error: unknown): void {
  const e = error as { code?: string; message?: string; details?: Record<string, unknown> };
  const code = typeof e?.code === 'string' ? e.code : 'generic';
  const retryMs = typeof e?.details?.retryInMs === 'number' ? e.details.retryInMs : 0;
  useAppStore.getState().notify('error', `errors.${code}`, {
    message: e?.message ?? String(error),
    ...(e?.details ?? {}),
    seconds: Math.ceil(retryMs / 1000),
  });
}
