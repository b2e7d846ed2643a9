import type { HubError } from '../errors/hub-error';

/** The coded error `work` was refused with (fails the test when it was not refused). */
export async function refusal(work: Promise<unknown>): Promise<HubError> {
  try {
    await work;
  } catch (error) {
    return error as HubError;
  }
  throw new Error('not refused');
}
