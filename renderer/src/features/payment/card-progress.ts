import type { TerminalProgress, TerminalPrompt } from '@pos/core';
import { create } from 'zustand';

/**
 * Card attempts the terminal is working on, and what it shows the customer: from the host's
 * terminal.progress events (any screen of this till, even after a reload), and from this page's
 * own pay() while it waits, which may outlast the host's `finished` by the reply's trip.
 */
type CardProgressState = {
  readonly working: Readonly<Record<string, TerminalPrompt>>;
  /** How long the terminal's driver waits for an answer, by attempt, when the host said. */
  readonly waits: Readonly<Record<string, number>>;
  /** The attempt this page's pay() waits on. */
  readonly paying: string | null;
};

export const useCardProgress = create<CardProgressState>()(() => ({ working: {}, waits: {}, paying: null }));

export function applyTerminalProgress(progress: TerminalProgress): void {
  const key = progress.attemptKey;
  useCardProgress.setState((s) => {
    const working = { ...s.working };
    const waits = { ...s.waits };
    if (progress.phase === 'finished') {
      delete working[key];
      delete waits[key];
    } else {
      working[key] = progress.phase === 'prompt' ? progress.prompt : (working[key] ?? 'working');
      if (progress.phase === 'started' && progress.timeoutMs) waits[key] = progress.timeoutMs;
    }
    return { working, waits };
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
