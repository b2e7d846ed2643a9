import { OfficeApiError, type OfficeClient } from '../api/office-client';

/**
 * The client the pages get: when one of their calls answers 401 (the session expired, was signed
 * out everywhere or revoked, the user disabled), `onEnded` is called (the app goes back to the
 * sign-in page and says why); the call still fails, so the page stops what it was doing.
 */
export function guardSession(client: OfficeClient, onEnded: () => void): OfficeClient {
  const guarded =
    <A extends unknown[]>(call: (...args: A) => Promise<unknown>) =>
    async (...args: A): Promise<unknown> => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof OfficeApiError && error.status === 401) onEnded();
        throw error;
      }
    };
  return { ...client, admin: guarded(client.admin), office: guarded(client.office) };
}
