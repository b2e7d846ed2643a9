import type { TerminalProgress, TerminalPrompt } from '@pos/core';
import { create } from 'zustand';

/**
 * Card attempts the terminal is working on, and what it shows the customer: from the host's
 * terminal.progress events (any screen of this till, even after a reload), and from this page's
 * own pay() while it waits, which may outlast the host's `finished` by the reply's trip.
 */
type CardProgressState = {
  readonly working: Readonly<Record<string, TerminalPrompt>>;
  /** The attempt this page's pay() waits on. */
  readonly paying: string | null;
};

export const useCardProgress = create<CardProgressState>()(() => ({ working: {}, paying: null }));

export function applyTerminalProgress(progress: TerminalProgress): void {
  useCardProgress.setState((s) => {
    const working = { ...s.working };
    if (progress.phase === 'finished') delete working[progress.attemptKey];
    else working[progress.attemptKey] = progress.phase === 'prompt' ? progress.prompt : (working[progress.attemptKey] ?? 'working');
    return { working };
  });
}

export function startPaying(attemptKey: string): void {
  useCardProgress.setState({ paying: attemptKey });
  applyTerminalProgress({ attemptKey, phase: 'started' });
}

export function stopPaying(attemptKey: string): void {
  useCardProgress.setState((s) => (s.paying === attemptKey ? { paying: null } : s));
  applyTerminalProgress({ attemptKey, phase: 'finished' });
}

/** What the terminal shows for this attempt while it works on it; null once it answered or timed out. */
export function cardPrompt(state: CardProgressState, attemptKey: string): TerminalPrompt | null {
  return state.working[attemptKey] ?? (state.paying === attemptKey ? 'working' : null);
}
