import { useTranslation } from 'react-i18next';

type Props = {
  readonly choices: readonly { readonly storeId: string; readonly name: string }[];
  /** null: every store the user covers. */
  readonly value: readonly string[] | null;
  readonly onChange: (stores: readonly string[] | null) => void;
};

/** Several stores at once (administrators, regional managers): all of them, or those ticked. */
export function StoresFilter({ choices, value, onChange }: Props) {
  const { t } = useTranslation();
  if (choices.length < 2) return null;
  const ticked = new Set(value ?? choices.map((c) => c.storeId));
  const toggle = (storeId: string, on: boolean) => {
    const next = choices.map((c) => c.storeId).filter((id) => (id === storeId ? on : ticked.has(id)));
    onChange(next.length === choices.length || next.length === 0 ? null : next);
  };
  return (
    <fieldset className="stores-filter">
      <legend>{t('dashboard.stores')}</legend>
      <button type="button" aria-pressed={value === null} onClick={() => onChange(null)}>
        {t('dashboard.allStores')}
      </button>
      {choices.map((store) => (
        <label key={store.storeId}>
          <input type="checkbox" checked={ticked.has(store.storeId)} onChange={(event) => toggle(store.storeId, event.target.checked)} />
          {store.name === store.storeId ? store.storeId : `${store.name} (${store.storeId})`}
        </label>
      ))}
    </fieldset>
  );
}
