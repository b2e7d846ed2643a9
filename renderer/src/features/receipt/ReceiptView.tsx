import { buildReceipt, type SealedRecord } from '@pos/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { services, staffName } from '../../state/services';
import { svgDataUrl, useQrSvg } from './use-qr-svg';

/** The receipt as it prints: the same core layout the host encodes for the printer. */
export function ReceiptView({ record, duplicate }: { record: SealedRecord<'sale'>; duplicate?: number }) {
  const { t } = useTranslation();
  const receipt = useMemo(
    () =>
      buildReceipt(record, services().profile, {
        width: 42,
        cashierName: staffName(record.payload.staffId),
        softwareVersion: services().hello.appVersion,
        ...(duplicate ? { duplicate } : {}),
      }),
    [record, duplicate],
  );
  const qr = useQrSvg(record.id, 3);
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
          qr && <img key={i} src={svgDataUrl(qr)} alt={line.value} width={120} height={120} />
        ) : (
          <div key={i} className={`receipt-line${line.bold ? ' bold' : ''}${line.large ? ' large' : ''}`}>
            {line.text}
          </div>
        ),
      )}
    </figure>
  );
}
