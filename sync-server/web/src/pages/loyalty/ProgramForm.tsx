import { LOYALTY_LIMITS, type LoyaltyProgram } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useCodedRefusal } from '../../app/use-coded-refusal';
import type { LoyaltyApi } from './loyalty-api';
import {
  bodyOfProgram,
  draftOfProgram,
  EMPTY_PROGRAM,
  EMPTY_REWARD,
  EMPTY_TIER,
  type ProgramDraft,
  type RewardDraft,
  type TierDraft,
} from './program-draft';
import { ProgramLists } from './ProgramLists';

type Props = {
  readonly api: LoyaltyApi;
  /** The program to change, or null for a new one. */
  readonly program: LoyaltyProgram | null;
  readonly canEdit: boolean;
  readonly onSaved: (program: LoyaltyProgram) => void;
};

/**
 * The loyalty program: how a sale earns (per euro paid or per visit, with or without VAT, a
 * minimum), when points expire, its tiers and rewards. Each save is the program's next version,
 * refused if someone saved it meanwhile; sales already sealed keep the version they earned with.
 */
export function ProgramForm({ api, program, canEdit, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const refusal = useCodedRefusal('loyalty', 'loyalty.errors.invalid_loyalty_program');
  const [draft, setDraft] = useState<ProgramDraft>(program ? draftOfProgram(program, i18n.language) : EMPTY_PROGRAM);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (change: Partial<ProgramDraft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async () => {
    setDone(null);
    const checked = bodyOfProgram(draft);
    if ('problem' in checked) return setProblem(t(`loyalty.problems.${checked.problem}`));
    try {
      const saved = await api.put(draft.id.trim(), checked.body);
      setDraft(draftOfProgram(saved.program, i18n.language));
      setProblem(null);
      setDone(t('loyalty.saved', { name: saved.program.name, version: saved.program.version }));
      onSaved(saved.program);
    } catch (error) {
      // 422 invalid_loyalty_program names each problem by core's code.
      setProblem(refusal(error));
    }
  };

  const locked = !canEdit;
  const title = program === null ? t('loyalty.newTitle') : t(canEdit ? 'loyalty.editTitle' : 'loyalty.viewTitle', { name: program.name });
  return (
    <PanelForm title={title} problem={problem} done={done} onSubmit={save}>
      {program === null && (
        <Field
          label={t('loyalty.id')}
          value={draft.id}
          maxLength={LOYALTY_LIMITS.maxIdLength}
          autoComplete="off"
          required
          onChange={(e) => set({ id: e.target.value })}
        />
      )}
      <Field
        disabled={locked}
        label={t('loyalty.name')}
        value={draft.name}
        maxLength={LOYALTY_LIMITS.maxNameLength}
        required
        onChange={(e) => set({ name: e.target.value })}
      />
      <fieldset disabled={locked}>
        <legend>{t('loyalty.earnKind')}</legend>
        {(['spend', 'visit'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="earnKind" checked={draft.earnKind === kind} onChange={() => set({ earnKind: kind })} />{' '}
            {t(`loyalty.earnKinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <Field
        disabled={locked}
        label={t('loyalty.points')}
        value={draft.points}
        inputMode="numeric"
        maxLength={9}
        onChange={(e) => set({ points: e.target.value })}
      />
      {draft.earnKind === 'spend' && (
        <Field
          disabled={locked}
          label={t('loyalty.per')}
          value={draft.per}
          inputMode="decimal"
          maxLength={16}
          onChange={(e) => set({ per: e.target.value })}
        />
      )}
      <Field
        disabled={locked}
        label={t(draft.earnKind === 'spend' ? 'loyalty.minimumSpend' : 'loyalty.minimumVisit')}
        value={draft.minimum}
        inputMode="decimal"
        maxLength={16}
        onChange={(e) => set({ minimum: e.target.value })}
      />
      <fieldset disabled={locked}>
        <legend>{t('loyalty.tax')}</legend>
        {(['inclusive', 'exclusive'] as const).map((tax) => (
          <label key={tax}>
            <input type="radio" name="tax" checked={draft.tax === tax} onChange={() => set({ tax })} /> {t(`loyalty.taxes.${tax}`)}
          </label>
        ))}
      </fieldset>
      <Field
        disabled={locked}
        label={t('loyalty.expiryMonths')}
        value={draft.expiryMonths}
        inputMode="numeric"
        maxLength={3}
        onChange={(e) => set({ expiryMonths: e.target.value })}
      />
      <ProgramLists
        locked={locked}
        draft={draft}
        onTiers={(tiers: readonly TierDraft[]) => set({ tiers })}
        onRewards={(rewards: readonly RewardDraft[]) => set({ rewards })}
        onTierBasis={(tierBasis) => set({ tierBasis })}
        emptyTier={EMPTY_TIER}
        emptyReward={EMPTY_REWARD}
      />
      {canEdit && <button type="submit">{t('loyalty.save')}</button>}
    </PanelForm>
  );
}
