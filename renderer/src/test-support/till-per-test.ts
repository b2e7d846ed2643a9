import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { startTill, stopTill, type Till } from './till-harness';

/** A fresh till and user for each test of the file, stopped after it: read `session.till` inside a test. */
export function tillPerTest(): { readonly till: Till; readonly user: UserEvent } {
  const session = {} as { till: Till; user: UserEvent };
  beforeEach(async () => {
    session.till = await startTill();
    session.user = userEvent.setup();
  });
  afterEach(async () => {
    await stopTill();
  });
  return session;
}
