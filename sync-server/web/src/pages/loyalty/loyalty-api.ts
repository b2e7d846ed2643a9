import type { LoyaltyProgramBody, LoyaltyProgramList, LoyaltyProgramRead } from '@pos/core/sync/head-office-api';
import type { OfficeClient } from '../../api/office-client';

const programPath = (id: string) => `/loyalty/programs/${encodeURIComponent(id)}`;

/** The hub's loyalty program routes (administrators only, as the hub checks). */
export function loyaltyApi(client: OfficeClient) {
  return {
    async list(): Promise<LoyaltyProgramList> {
      return (await client.admin('GET', '/loyalty/programs')) as LoyaltyProgramList;
    },
    /** Saves the next version (the first for a new id); `expectedVersion` guards against a save made meanwhile. */
    async put(id: string, body: LoyaltyProgramBody): Promise<LoyaltyProgramRead> {
      return (await client.admin('PUT', programPath(id), body)) as LoyaltyProgramRead;
    },
    /** Ends the program: tills stop earning in it; points already earned stay. */
    async end(id: string): Promise<LoyaltyProgramRead> {
      return (await client.admin('DELETE', programPath(id))) as LoyaltyProgramRead;
    },
  };
}

export type LoyaltyApi = ReturnType<typeof loyaltyApi>;
