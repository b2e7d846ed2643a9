import { useTranslation } from 'react-i18next';
import { useQrDataUrl } from '../../app/use-qr-svg';
import type { Enrollment } from './stores-api';

/** A till's one-time enrollment code: as text to type, as a QR code to scan, and until when it works. */
export function EnrollmentCode({ enrollment }: { enrollment: Enrollment }) {
  const { t, i18n } = useTranslation();
  const qr = useQrDataUrl(enrollment.code);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(enrollment.expiresAt));
  return (
    <section className="enrollment" aria-label={t('stores.enrollTitle')}>
      <p>
        {t('stores.enrollCode', { till: enrollment.tillId })} <code className="secret">{enrollment.code}</code>
      </p>
      {qr && <img className="qr" src={qr} alt={t('stores.enrollQr', { till: enrollment.tillId })} width={200} height={200} />}
      <p>{t('stores.expires', { date })}</p>
    </section>
  );
}
