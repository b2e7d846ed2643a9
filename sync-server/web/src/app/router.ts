import { useSyncExternalStore } from 'react';

/**
 * A router the size of the shell's needs: the path under the app's base, History API navigation,
 * back and forward. Eight flat pages need no nested routes or loaders, so no router library.
 */
/** Where the hub serves the app (vite.config.ts's base): fixed, so tests and the build agree. */
const BASE = '/office';
const NAVIGATED = 'pos-office-navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The path under the base: '' for /office/, 'sales' for /office/sales. */
export function currentPath(): string {
  const path = window.location.pathname;
  const under = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return under.replace(/^\/+/, '');
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '');
}

export function hrefOf(relativePath: string): string {
  return `${BASE}/${relativePath}`;
}

export function navigate(relativePath: string): void {
  if (relativePath === currentPath()) return;
  window.history.pushState(null, '', hrefOf(relativePath));
  window.dispatchEvent(new Event(NAVIGATED));
}
