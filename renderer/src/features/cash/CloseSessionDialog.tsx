import { parseAmount, type CashCountResult, type ZReportView as ZReport } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../state/app-store';
import { services, useStoreProfile } from '../../state/services';
import { askManagerPin } from '../dialogs/ask-manager-pin';
import { cashErrorMessage } from './cash-words';
import { refreshCashState, showCashScreen, useCashStore } from './cash-store';
import { CashDialog } from './CashDialog';
import { countEntry, type QuantityTexts } from './count-entry';
import { DenominationGrid } from './DenominationGrid';
import { ReasonField } from './ReasonField';
import { VarianceTable } from './ReportFigures';
import { ZReportView } from './ZReportView';

/** Tenders other than cash, counted as totals (the card terminal's end-of-day batch). */
const OTHER_TENDERS = ['card'] as const;

const VARIANCE_REASONS = ['countError', 'changeError', 'unrecordedMove', 'unknown'] as const;

type Step =
  | { readonly kind: 'count' }
  /** The count is sealed and its variance is above the limit: a manager approves with a reason. */
  | { readonly kind: 'approve'; readonly result: CashCountResult | null }
  | { readonly kind: 'z'; readonly result: CashCountResult | null; readonly z: ZReport };

/** The other tenders' totals as the host takes them: only those typed and not zero. */
function tenderCounts(texts: Readonly<Record<string, string>>): Record<string, number> | null {
  const counts: Record<string, number> = {};
  for (const [method, text] of Object.entries(texts)) {
    if (text.trim() === '') continue;
    const amount = parseAmount(text);
    if (amount === null) return null;
    if (amount !== 0) counts[method] = amount;
  }
  return counts;
}

/**
 * Closing the till: a blind count (the screen knows nothing of what the drawer should hold until
 * the host has sealed the count), then the variance per tender; above the limit a manager's PIN
 * and a reason; then the Z report.
 */
export function CloseSessionDialog() {
  const { t } = useTranslation();
  const { currency } = useStoreProfile();
  const counted = useCashStore((s) => s.view?.state === 'counted');
  const [step, setStep] = useState<Step>(counted ? { kind: 'approve', result: null } : { kind: 'count' });
  const [texts, setTexts] = useState<QuantityTexts>({});
  const [tenderTexts, setTenderTexts] = useState<Readonly<Record<string, string>>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const entry = countEntry(texts, currency);
  const { bridge } = services();

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(cashErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const sendCount = () =>
    attempt(async () => {
      if (!entry.ok) return;
      const tenders = tenderCounts(tenderTexts);
      if (!tenders) return setError({ key: 'dialogs.invalidAmount' });
      const result = await bridge.invoke('cash.count', { cash: entry.count, ...(Object.keys(tenders).length ? { tenders } : {}) });
      await refreshCashState();
      setStep(result.z ? { kind: 'z', result, z: result.z } : { kind: 'approve', result });
    });

  /** The reason first, then a manager's PIN in the shared dialog (wrong PINs and locks said there). */
  const sendApproval = () =>
    attempt(async () => {
      const why = reason.trim();
      if (why === '') return setError({ key: 'dialogs.reasonRequired' });
      // A variance over the limit always takes a manager: the PIN is asked straight away.
      const z = await askManagerPin('cash.close.approvalAction', (managerPin) =>
        bridge.invoke('cash.close', { approval: { managerPin, reason: why } }),
      );
      if (!z) return;
      await refreshCashState();
      setStep({ kind: 'z', result: step.kind === 'approve' ? step.result : null, z });
    });

  const done = () => showCashScreen(step.kind === 'z' ? null : 'home');
  const shown = error && t(error.key, error.values ?? {});

  if (step.kind === 'z') {
    return (
      <CashDialog title={t('cash.close.doneTitle')} className="cash-report-dialog" closeLabel={t('actions.close')} onClose={done}>
        <ZReportView z={step.z} />
      </CashDialog>
    );
  }
  if (step.kind === 'approve') {
    return (
      <CashDialog
        title={t('cash.close.approveTitle')}
        onClose={done}
        submitLabel={t('cash.close.approveSubmit')}
        submitDisabled={busy}
        error={shown}
        onSubmit={() => void sendApproval()}
      >
        {step.result ? (
          <>
            <VarianceTable tenders={step.result.tenders} currency={currency} limit={step.result.varianceLimit} />
            <p className="cash-hint">{t('cash.close.overLimit')}</p>
          </>
        ) : (
          <p className="cash-hint">{t('cash.close.resume')}</p>
        )}
        <ReasonField
          label={t('cash.close.reason')}
          reason={reason}
          onReason={setReason}
          choices={VARIANCE_REASONS.map((r) => t(`cash.varianceReasons.${r}`))}
        />
      </CashDialog>
    );
  }
  return (
    <CashDialog
      title={t('cash.close.title')}
      className="cash-count-dialog"
      onClose={done}
      submitLabel={t('cash.close.countSubmit')}
      submitDisabled={busy || !entry.ok}
      error={shown}
      onSubmit={() => void sendCount()}
    >
      <p className="cash-hint">{t('cash.close.blindHint')}</p>
      <DenominationGrid
        currency={currency}
        texts={texts}
        onChange={setTexts}
        tenders={OTHER_TENDERS}
        tenderTexts={tenderTexts}
        onTenderChange={setTenderTexts}
      />
    </CashDialog>
  );
}
