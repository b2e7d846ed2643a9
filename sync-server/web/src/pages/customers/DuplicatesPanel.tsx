import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';
import { customerName, type ChainCustomer, type DuplicateGroup } from './customers-api';

type Props = {
  readonly groups: readonly DuplicateGroup[] | null;
  readonly canEdit: boolean;
  readonly onMerge: (merged: ChainCustomer, kept: ChainCustomer) => void;
};

/**
 * Likely duplicates (the same e-mail or phone once normalised), each group with the oldest
 * customer first: merging another into it keeps the oldest record, as a cashier found it first.
 */
export function DuplicatesPanel({ groups, canEdit, onMerge }: Props) {
  const { t } = useTranslation();
  if (groups === null) return null;
  return (
    <section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('customers.duplicatesTitle')}</h2>
      {groups.length === 0 && <p>{t('customers.noDuplicates')}</p>}
      {groups.map((group) => {
        const [kept, ...others] = [...group.customers].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        if (!kept) return null;
        return (
          <div key={`${group.by}:${group.value}`} role="group" aria-label={t(`customers.sameBy.${group.by}`, { value: group.value })}>
            <h3>{t(`customers.sameBy.${group.by}`, { value: group.value })}</h3>
            <p>{t('customers.keeps', { name: customerName(kept), id: kept.id })}</p>
            <ul>
              {others.map((other) => (
                <li key={other.id}>
                  {customerName(other)} ({other.id}){' '}
                  {canEdit && (
                    <ConfirmAction
                      label={t('customers.merge')}
                      question={t('customers.mergeQuestion', { merged: customerName(other), kept: customerName(kept) })}
                      onConfirm={() => onMerge(other, kept)}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
