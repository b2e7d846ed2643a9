import { buildReceipt, type SealedRecord } from '@pos/core';
import { joinLinkFor } from '@pos/core/signup/join-link';
import { withJoinCode } from '@pos/core/signup/join-receipt';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { services, staffName } from '../../state/services';
import { useSyncStore } from '../../state/sync-store';
import { svgDataUrl, useQrSvg } from './use-qr-svg';

/** One of the receipt's codes: the sale's id, or the loyalty sign-up's link. */
function ReceiptCode({ value }: { value: string }) {
  const qr = useQrSvg(value, 3);
  return qr ? <img src={svgDataUrl(qr)} alt={value} width={120} height={120} /> : null;
}

/** The receipt as it prints: the same core layout the host encodes for the printer. */
export function ReceiptView({ record, duplicate }: { record: SealedRecord<'sale'>; duplicate?: number }) {
  const { t } = useTranslation();
  const hubUrl = useSyncStore((s) => s.hub?.hubUrl ?? null);
  // As the host prints it: the sign-up's code on a sale without a member (core's joinLinkFor).
  const receipt = useMemo(() => {
    const { profile } = services();
    const built = buildReceipt(record, profile, {
      width: 42,
      cashierName: staffName(record.payload.staffId),
      softwareVersion: services().hello.appVersion,
      ...(duplicate ? { duplicate } : {}),
    });
    return withJoinCode(built, joinLinkFor(record, profile, hubUrl), profile.receiptLocale);
  }, [record, duplicate, hubUrl]);
  return (
    <figure
      className="receipt"
      aria-label={t('done.receipt', { number: receipt.receiptNumber })}
      style={{ width: `${receipt.width + 2}ch` }}
    >
      {receipt.lines.map((line, i) =>
        line.kind === 'rule' ? (
          <div key={i} className="receipt-line">
            {'-'.repeat(receipt.width)}
          </div>
        ) : line.kind === 'qrcode' ? (
          <ReceiptCode key={i} value={line.value} />
        ) : (
          <div key={i} className={`receipt-line${line.bold ? ' bold' : ''}${line.large ? ' large' : ''}`}>
            {line.text}
          </div>
        ),
      )}
    </figure>
  );
}
