import { parseWeightGrams, type ScaleReading } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weightInputText } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useDeviceStore } from '../../state/device-store';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { readScaleWeight } from '../devices/scale';
import { Modal } from './Modal';
import { NumberField } from './NumberField';

type ScaleFailure = Extract<ScaleReading, { ok: false }>['reason'];

/** What the cashier reads for each way a reading fails; the host's own words are for the support. */
const FAILURE_KEYS: Record<ScaleFailure, string> = {
  'no-scale': 'dialogs.scale.noScale',
  unstable: 'dialogs.scale.unstable',
  zero: 'dialogs.scale.zero',
  negative: 'dialogs.scale.negative',
  'over-capacity': 'dialogs.scale.overCapacity',
  error: 'dialogs.scale.error',
};

/**
 * A weighed item's weight, read from the scale as the dialog opens or typed (kilograms or grams).
 * With no scale set up, the dialog says so and its "read" button is off: typing is the only way.
 */
export function WeightDialog({ request }: { request: Extract<DialogRequest, { kind: 'weight' }> }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  // The host reports a scale that is not set up as "off"; a reading that says "no scale" tells the same.
  const reportedOff = useDeviceStore((s) => s.statuses.scale?.state === 'off');
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // The last weight read, selected once shown: a weight typed then replaces it, as on opening.
  const [readWeight, setReadWeight] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noScale, setNoScale] = useState(reportedOff);
  const [reading, setReading] = useState(false);
  const readScale = () => {
    setReading(true);
    void readScaleWeight()
      .then((result) => {
        if (result.ok) {
          const weight = weightInputText(result.grams, locale);
          setError(null);
          setText(weight);
          setReadWeight(weight);
        } else if (result.reason === 'no-scale') setNoScale(true);
        else setError(t(FAILURE_KEYS[result.reason]));
      })
      .finally(() => setReading(false));
  };
  // With a scale connected, the weight is read as the dialog opens: the cashier only confirms.
  useEffect(() => {
    if (!reportedOff) readScale();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, []);
  useEffect(() => {
    if (readWeight !== null && document.activeElement === field.current) field.current?.select();
  }, [readWeight]);
  const scaleMissing = noScale || reportedOff;
  return (
    <Modal
      title={t('dialogs.weightTitle', { name: request.name })}
      error={error}
      onSubmit={() => {
        const grams = parseWeightGrams(text);
        if (grams === null || grams > 99_999) return setError(t('dialogs.invalidWeight'));
        answer({ kind: 'weight', grams });
      }}
    >
      <NumberField label={t('dialogs.weight')} value={text} onChange={setText} decimal inputRef={field}>
        <button type="button" onClick={readScale} disabled={reading || scaleMissing}>
          {reading ? t('dialogs.readingScale') : t('dialogs.readScale')}
        </button>
        {scaleMissing && <p role="status">{t(FAILURE_KEYS['no-scale'])}</p>}
      </NumberField>
    </Modal>
  );
}
