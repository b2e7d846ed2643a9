import type { OfficeMe } from '../api/office-client';
import type { Access, PageKey } from './navigation';

/** What the layout gives every page: which one it is, the user, and whether the role may change things there. */
export type PageProps = { readonly page: PageKey; readonly access: Access; readonly me: OfficeMe };
