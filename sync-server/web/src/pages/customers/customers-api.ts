import type { CustomerView } from '@pos/core/customers/customer-view';
import type { OfficeClient } from '../../api/office-client';

/** A chain customer as GET /api/v1/admin/customers answers: core's type, which the hub writes. */
export type ChainCustomer = CustomerView;

export type CustomerPage = { readonly customers: readonly ChainCustomer[]; readonly next: string | null };
export type DuplicateGroup = { readonly by: string; readonly value: string; readonly customers: readonly ChainCustomer[] };

/** What the form sends: the fields as typed (empty ones cleared), with the version read. */
export type CustomerChange = {
  readonly firstName: string | null;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly postalCode: string | null;
  readonly cardNumber: string | null;
  readonly expectedVersion: number;
};

/** A page of the list. */
export const CUSTOMER_PAGE = 50;

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;

export function customersApi(client: OfficeClient) {
  return {
    /** Without `query`: every live customer in id order; with one, those it finds (phone, e-mail, card, or name starts). */
    async search(query: string, after?: string | null): Promise<CustomerPage> {
      const params = new URLSearchParams({ limit: String(CUSTOMER_PAGE) });
      if (query.trim()) params.set('q', query.trim());
      if (after) params.set('after', after);
      return (await client.admin('GET', `/customers?${params}`)) as CustomerPage;
    },
    async update(id: string, change: CustomerChange): Promise<ChainCustomer> {
      const answer = (await client.admin('PUT', customerPath(id), change)) as { customer: ChainCustomer };
      return answer.customer;
    },
    /** Likely duplicates by phone, then by e-mail (the first page of each). */
    async duplicates(): Promise<readonly DuplicateGroup[]> {
      const pages = await Promise.all(
        ['phone', 'email'].map(async (by) => (await client.admin('GET', `/customers/duplicates?by=${by}`)) as { groups: DuplicateGroup[] }),
      );
      return pages.flatMap((page) => page.groups);
    },
    /** Merges `id` into `into`: `id` becomes a tombstone pointing to the one kept. */
    async merge(id: string, into: string): Promise<ChainCustomer> {
      return ((await client.admin('POST', `${customerPath(id)}/merge`, { into })) as { kept: ChainCustomer }).kept;
    },
  };
}

export type CustomersApi = ReturnType<typeof customersApi>;

/** A customer's name as a list shows it: last name then first name. */
export function customerName(c: Pick<ChainCustomer, 'firstName' | 'lastName'>): string {
  return [c.lastName, c.firstName].filter(Boolean).join(' ');
}
