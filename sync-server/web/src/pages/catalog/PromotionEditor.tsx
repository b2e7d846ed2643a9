import { PROMOTION_CHANNELS, type PromotionChannel } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { useCodedRefusal } from '../../app/use-coded-refusal';
import { CouponCodes } from './CouponCodes';
import type { EditorProps } from './editor-props';
import { bodyOfPromotion, draftOfPromotion, EMPTY_PROMOTION, isSimple, SIMPLE_BENEFITS, type PromotionDraft } from './promotion-draft';
import { useFocusFirst } from './use-focus-first';

/**
 * A promotion of the simplest kinds (percent or amount off products or a category), with its window,
 * stores and channels; each save is the rule's next version, refused if someone saved it meanwhile.
 * A rule of another kind is shown, its fields left to the API.
 */
export function PromotionEditor({ api, id, canEdit, onSaved, onClose }: EditorProps) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('promotions');
  const refusal = useCodedRefusal('promotions', 'promotions.errors.invalid_promotion');
  const [draft, setDraft] = useState<PromotionDraft>(EMPTY_PROMOTION);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const box = useFocusFirst();

  useEffect(() => {
    if (id === null) return;
    api.readPromotion(id).then(
      (read) => setDraft(draftOfPromotion(read, i18n.language)),
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read once per promotion opened (the editor is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id]);

  const set = (change: Partial<PromotionDraft>) => setDraft((d) => ({ ...d, ...change }));
  const toggle = (channel: PromotionChannel, on: boolean) =>
    setDraft((d) => ({ ...d, channels: PROMOTION_CHANNELS.filter((c) => (c === channel ? on : d.channels.includes(c))) }));

  const save = async () => {
    setDone(null);
    const checked = bodyOfPromotion(draft);
    if ('problem' in checked) return setProblem(t(`promotions.problems.${checked.problem}`));
    try {
      const saved = await api.putPromotion(draft.id.trim(), checked.body);
      setDraft(draftOfPromotion(saved, i18n.language));
      setProblem(null);
      setDone(t('promotions.saved', { name: saved.promotion.name, version: saved.promotion.version }));
      onSaved();
    } catch (error) {
      // 422 invalid_promotion names each problem by core's code.
      setProblem(refusal(error));
    }
  };

  const simple = draft.stored === null || isSimple(draft.stored);
  const locked = !canEdit || !simple;
  const title = id === null ? t('promotions.newTitle') : t(canEdit ? 'promotions.editTitle' : 'promotions.viewTitle', { id });
  return (
    <div ref={box}>
      <PanelForm title={title} problem={problem} done={done} onSubmit={save}>
        {!simple && draft.stored && (
          <p className="note">{t('promotions.notSimple', { kind: t(`promotions.kinds.${draft.stored.benefit.type}`) })}</p>
        )}
        {id === null && (
          <Field
            label={t('promotions.id')}
            value={draft.id}
            maxLength={64}
            autoComplete="off"
            required
            onChange={(e) => set({ id: e.target.value })}
          />
        )}
        <Field
          disabled={locked}
          label={t('promotions.name')}
          value={draft.name}
          maxLength={120}
          required
          onChange={(e) => set({ name: e.target.value })}
        />
        {simple && (
          <>
            <fieldset disabled={locked}>
              <legend>{t('promotions.benefit')}</legend>
              {SIMPLE_BENEFITS.map((kind) => (
                <label key={kind}>
                  <input type="radio" name="benefit" checked={draft.benefit === kind} onChange={() => set({ benefit: kind, value: '' })} />{' '}
                  {t(`promotions.kinds.${kind}`)}
                </label>
              ))}
            </fieldset>
            <Field
              disabled={locked}
              label={t(draft.benefit === 'percent-off' ? 'promotions.percent' : 'promotions.amount')}
              value={draft.value}
              inputMode="decimal"
              maxLength={16}
              onChange={(e) => set({ value: e.target.value })}
            />
            <fieldset disabled={locked}>
              <legend>{t('promotions.targetKind')}</legend>
              {(['category', 'products'] as const).map((kind) => (
                <label key={kind}>
                  <input type="radio" name="targetKind" checked={draft.targetKind === kind} onChange={() => set({ targetKind: kind })} />{' '}
                  {t(`promotions.${kind}`)}
                </label>
              ))}
            </fieldset>
            <Field
              disabled={locked}
              label={t(draft.targetKind === 'category' ? 'promotions.categoryName' : 'promotions.productIds')}
              value={draft.targets}
              maxLength={draft.targetKind === 'category' ? 100 : 70_000}
              onChange={(e) => set({ targets: e.target.value })}
            />
            <Field
              disabled={locked}
              type="datetime-local"
              label={t('promotions.from')}
              value={draft.from}
              onChange={(e) => set({ from: e.target.value })}
            />
            <Field
              disabled={locked}
              type="datetime-local"
              label={t('promotions.to')}
              value={draft.to}
              onChange={(e) => set({ to: e.target.value })}
            />
            <Field
              disabled={locked}
              label={t('promotions.stores')}
              value={draft.stores}
              maxLength={70_000}
              onChange={(e) => set({ stores: e.target.value })}
            />
            <fieldset disabled={locked}>
              <legend>{t('promotions.channels')}</legend>
              {PROMOTION_CHANNELS.map((channel) => (
                <label key={channel}>
                  <input type="checkbox" checked={draft.channels.includes(channel)} onChange={(e) => toggle(channel, e.target.checked)} />{' '}
                  {t(`promotions.channel.${channel}`)}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {canEdit && id !== null && draft.stored?.coupon?.kind === 'single-use' && <CouponCodes api={api} promotionId={id} />}
        {canEdit && simple && <button type="submit">{t('promotions.save')}</button>}{' '}
        <button type="button" onClick={onClose}>
          {t('catalog.close')}
        </button>
      </PanelForm>
    </div>
  );
}
