import { useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeApiError } from '../../api/office-client';
import { Field } from '../../app/Field';

/** A quantity in the page's language: pieces, or grams for weighed products, with its sign when it is one. */
export function useQuantity(): (value: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  return (value) => format.format(value);
}

/** A signed movement: +12, −3. */
export function useDelta(): (value: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' });
  return (value) => format.format(value);
}

/** The next page of a table, disabled while it loads. */
export function MoreButton({ onClick }: { readonly onClick: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void onClick().finally(() => setBusy(false));
      }}
    >
      {busy ? t('app.loading') : t('stock.more')}
    </button>
  );
}

/** The first field the hub refused in a form's request (`problems` of invalid_movements / invalid_transfer), or null. */
export function refusedField(error: unknown): string | null {
  if (!(error instanceof OfficeApiError)) return null;
  const problems = (error.body as { problems?: { field?: unknown }[] } | null)?.problems;
  const field = Array.isArray(problems) ? problems[0]?.field : null;
  return typeof field === 'string' ? field : null;
}

/** What a list says above its table: the refusal (role alert), that it loads, or `empty` when it has no row. */
export function ListStatus(props: { readonly problem: string | null; readonly rows: readonly unknown[] | null; readonly empty: string }) {
  const { t } = useTranslation();
  if (props.problem !== null)
    return (
      <p role="alert" className="error">
        {props.problem}
      </p>
    );
  if (props.rows === null) return <p role="status">{t('app.loading')}</p>;
  return props.rows.length === 0 ? <p>{props.empty}</p> : null;
}

/** The product, reference and level columns' headers, then any others. */
export function LevelHeaders({ children }: { readonly children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('stock.product')}</th>
        <th scope="col">{t('stock.sku')}</th>
        <th scope="col" className="number">
          {t('stock.level')}
        </th>
        {children}
      </tr>
    </thead>
  );
}

/** A product named for a row header: its name and id, or the id of a product no longer in the catalog. */
export function productText(row: { readonly productId: string; readonly name: string | null }): string {
  return row.name ? `${row.name} (${row.productId})` : row.productId;
}

/** A labelled input kept together with its label where a filter row wraps (a tablet). */
export function FilterField(props: ComponentProps<typeof Field>) {
  return (
    <div className="field">
      <Field {...props} />
    </div>
  );
}
