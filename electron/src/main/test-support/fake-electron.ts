import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import type { CustomerDisplaySettings, EventName, InvokeReply } from '@pos/core';

/**
 * Stand-ins for the few Electron objects the main process touches. The real module cannot even be
 * required here (no Electron binary), so tests stub 'electron' at that boundary and nowhere else.
 */
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (
  contents: FakeWebContents | null,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener;
    }),
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: never[]) => boolean) | null): void {
    this.permissionCheckHandler = handler as PermissionCheckHandler | null;
  }
  setDevicePermissionHandler(handler: ((details: never) => boolean) | null): void {
    this.devicePermissionHandler = handler as ((details: unknown) => boolean) | null;
  }
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly session = new FakeSession();
  readonly send = vi.fn();
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  /** Like Electron: closing emits 'closed'. */
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  /** Like Electron: the contents ends up on the file's URL. */
  readonly loadFile = vi.fn(async (file: string) => {
    this.webContents.url = pathToFileURL(file).href;
  });
  constructor(readonly options: unknown = {}) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  readonly quit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly whenReady = vi.fn(async () => {});
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  /** package.json's version as Electron reads it from the packaged app. */
  readonly getVersion = vi.fn(() => '1.4.2');
}

/** Electron's safeStorage as the OS keychain would answer (the "encryption" is reversible and visible in tests). */
export class FakeSafeStorage {
  available = true;
  backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret';
  readonly isEncryptionAvailable = vi.fn(() => this.available);
  readonly getSelectedStorageBackend = vi.fn(() => this.backend);
  readonly encryptString = vi.fn((text: string) => Buffer.from(`enc:${text}`));
  readonly decryptString = vi.fn((data: Buffer) => data.toString().replace(/^enc:/, ''));
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  readonly handle = vi.fn((channel: string, handler: IpcHandler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Calls a handler the way ipcMain does for ipcRenderer.invoke. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export type FakeHost = {
  readonly invoke: ReturnType<typeof vi.fn<(name: unknown, request: unknown) => Promise<InvokeReply>>>;
  readonly on: ReturnType<typeof vi.fn>;
  readonly onAny: (listener: (event: EventName, payload: unknown) => void) => () => void;
  readonly close: ReturnType<typeof vi.fn<() => Promise<void>>>;
  readonly customerDisplay: ReturnType<typeof vi.fn<() => CustomerDisplaySettings>>;
  emit(event: EventName, payload: unknown): void;
  readonly listenerCount: () => number;
};

export function fakeHost(): FakeHost {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const byEvent = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    invoke: vi.fn(async (name: unknown, request: unknown): Promise<InvokeReply> => ({ ok: true, value: { name, request } })),
    on: vi.fn((event: EventName, listener: (payload: unknown) => void) => {
      const set = byEvent.get(event) ?? new Set();
      byEvent.set(event, set.add(listener));
      return () => set.delete(listener);
    }),
    onAny(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: vi.fn(async () => {}),
    customerDisplay: vi.fn((): CustomerDisplaySettings => ({ window: false, screen: null })),
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
      for (const listener of byEvent.get(event) ?? []) listener(payload);
    },
    listenerCount: () => listeners.size,
  };
}

/** An Electron-style event: records preventDefault. */
export function fakeEvent<T extends object>(
  fields: T = {} as T,
): T & { preventDefault: ReturnType<typeof vi.fn>; readonly defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      event.defaultPrevented = true;
    }),
  };
  return event;
}

/**
 * Hands a fake to a function typed with Electron's own types. Electron's `on` returns `this` (the full
 * App or WebContents), which no small fake can be; the behaviour under test never uses that return.
 */
export function asElectron<T>(fake: FakeApp | FakeWebContents | FakeSession): T {
  return fake as unknown as T;
}
