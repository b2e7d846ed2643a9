import type { CatalogApi } from './catalog-api';

/** What the catalog page gives an editor of a document it lists (a price list, a promotion). */
export type EditorProps = {
  readonly api: CatalogApi;
  /** The document to open, or null for a new one. */
  readonly id: string | null;
  readonly canEdit: boolean;
  readonly onSaved: () => void;
  readonly onClose: () => void;
};
