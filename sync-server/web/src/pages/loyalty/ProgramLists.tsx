import { LOYALTY_LIMITS } from '@pos/core';
import { useTranslation } from 'react-i18next';
import type { ProgramDraft, RewardDraft, TierDraft } from './program-draft';

type Props = {
  readonly locked: boolean;
  readonly draft: ProgramDraft;
  readonly onTiers: (tiers: readonly TierDraft[]) => void;
  readonly onRewards: (rewards: readonly RewardDraft[]) => void;
  readonly onTierBasis: (basis: ProgramDraft['tierBasis']) => void;
  readonly emptyTier: TierDraft;
  readonly emptyReward: RewardDraft;
};

/** One text input of a row, named for screen readers by its column and row. */
function Cell(props: {
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <td>
      <input
        aria-label={props.label}
        value={props.value}
        disabled={props.disabled}
        inputMode={props.inputMode}
        maxLength={LOYALTY_LIMITS.maxNameLength}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </td>
  );
}

/** The program's tiers (rising thresholds) and rewards, one row each. */
export function ProgramLists({ locked, draft, onTiers, onRewards, onTierBasis, emptyTier, emptyReward }: Props) {
  const { t } = useTranslation();
  const tier = (i: number, change: Partial<TierDraft>) => onTiers(draft.tiers.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const reward = (i: number, change: Partial<RewardDraft>) =>
    onRewards(draft.rewards.map((x, j) => (j === i && x.kind !== 'stored' ? ({ ...x, ...change } as RewardDraft) : x)));
  return (
    <>
      <fieldset disabled={locked}>
        <legend>{t('loyalty.tiers')}</legend>
        <label>
          {t('loyalty.tierBasis')}{' '}
          <select value={draft.tierBasis} onChange={(e) => onTierBasis(e.target.value as ProgramDraft['tierBasis'])}>
            <option value="rolling-12-months">{t('loyalty.tierBases.rolling-12-months')}</option>
            <option value="lifetime">{t('loyalty.tierBases.lifetime')}</option>
          </select>
        </label>
        <table>
          <caption className="visually-hidden">{t('loyalty.tiers')}</caption>
          <tbody>
            {draft.tiers.map((x, i) => {
              const n = i + 1;
              return (
                <tr key={i}>
                  <Cell label={t('loyalty.tierId', { n })} value={x.id} disabled={locked} onChange={(id) => tier(i, { id })} />
                  <Cell label={t('loyalty.tierName', { n })} value={x.name} disabled={locked} onChange={(name) => tier(i, { name })} />
                  <Cell
                    label={t('loyalty.tierThreshold', { n })}
                    value={x.threshold}
                    inputMode="numeric"
                    disabled={locked}
                    onChange={(threshold) => tier(i, { threshold })}
                  />
                  <Cell
                    label={t('loyalty.tierMultiplier', { n })}
                    value={x.multiplier}
                    inputMode="numeric"
                    disabled={locked}
                    onChange={(multiplier) => tier(i, { multiplier })}
                  />
                  <td>
                    <button type="button" onClick={() => onTiers(draft.tiers.filter((_, j) => j !== i))}>
                      {t('loyalty.removeTier', { n })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" onClick={() => onTiers([...draft.tiers, emptyTier])}>
          {t('loyalty.addTier')}
        </button>
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('loyalty.rewards')}</legend>
        <table>
          <caption className="visually-hidden">{t('loyalty.rewards')}</caption>
          <tbody>
            {draft.rewards.map((x, i) => {
              const n = i + 1;
              const remove = (
                <td>
                  <button type="button" onClick={() => onRewards(draft.rewards.filter((_, j) => j !== i))}>
                    {t('loyalty.removeReward', { n })}
                  </button>
                </td>
              );
              if (x.kind === 'stored') {
                return (
                  <tr key={i}>
                    <td colSpan={4}>
                      {t('loyalty.storedReward', {
                        name: x.reward.name,
                        cost: x.reward.cost,
                        kind: t(`loyalty.rewardKinds.${x.reward.kind}`),
                      })}
                    </td>
                    {remove}
                  </tr>
                );
              }
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={t('loyalty.rewardKind', { n })}
                      value={x.kind}
                      onChange={(e) => reward(i, { kind: e.target.value as 'amount-off' | 'percent-off' })}
                    >
                      <option value="amount-off">{t('loyalty.rewardKinds.amount-off')}</option>
                      <option value="percent-off">{t('loyalty.rewardKinds.percent-off')}</option>
                    </select>
                  </td>
                  <Cell label={t('loyalty.rewardId', { n })} value={x.id} disabled={locked} onChange={(id) => reward(i, { id })} />
                  <Cell label={t('loyalty.rewardName', { n })} value={x.name} disabled={locked} onChange={(name) => reward(i, { name })} />
                  <Cell
                    label={t('loyalty.rewardCost', { n })}
                    value={x.cost}
                    inputMode="numeric"
                    disabled={locked}
                    onChange={(cost) => reward(i, { cost })}
                  />
                  <Cell
                    label={t(x.kind === 'amount-off' ? 'loyalty.rewardAmount' : 'loyalty.rewardPercent', { n })}
                    value={x.value}
                    inputMode="decimal"
                    disabled={locked}
                    onChange={(value) => reward(i, { value })}
                  />
                  {remove}
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" onClick={() => onRewards([...draft.rewards, emptyReward])}>
          {t('loyalty.addReward')}
        </button>
      </fieldset>
    </>
  );
}
