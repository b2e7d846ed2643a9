/** A simulator's pending timers, so close() leaves nothing to fire into a closed test. */
export type SimulatorTimers = {
  /** Runs `task` after `ms`; the returned function cancels it. */
  later(ms: number, task: () => void): () => void;
  sleep(ms: number): Promise<void>;
  clear(): void;
};

export function createSimulatorTimers(): SimulatorTimers {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
    return () => {
      clearTimeout(timer);
      timers.delete(timer);
    };
  };
  return {
    later,
    sleep: (ms) => new Promise<void>((resolve) => void later(ms, resolve)),
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
