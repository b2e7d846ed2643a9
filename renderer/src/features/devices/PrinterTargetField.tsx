import { parsePrinterTarget } from '@pos/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { printerTargetMessage } from './printer-target-message';

/** Whether the address typed can be saved: the same reading the host does before it writes the file. */
export function printerTargetValid(text: string): boolean {
  return parsePrinterTarget(text).ok;
}

/** The printer's address, checked as the manager types it: what is wrong is said before anything is saved. */
export function PrinterTargetField({ value, onChange }: { value: string; onChange: (target: string) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const parsed = parsePrinterTarget(value);
  const problem = parsed.ok ? null : printerTargetMessage(parsed.problem);
  return (
    <label>
      <span>{t('devices.printerTarget')}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="tcp://192.168.1.20:9100"
        aria-invalid={problem !== null}
        {...(problem ? { 'aria-describedby': hintId } : {})}
      />
      {problem && (
        <span id={hintId} className="form-error">
          {t(problem.key, problem.values ?? {})}
        </span>
      )}
    </label>
  );
}
