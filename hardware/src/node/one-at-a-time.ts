/**
 * Runs tasks one after another. A printer takes one job at a time: two receipts written at once
 * would interleave on a serial line or file, and a network printer queues or refuses the second
 * connection, which would look like a timeout.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
