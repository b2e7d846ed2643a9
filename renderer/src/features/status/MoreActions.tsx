import { can } from '@pos/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useDeviceStore } from '../../state/device-store';
import { showCashScreen } from '../cash/cash-store';
import { openDrawerWithoutSale } from '../devices/no-sale';
import { toggleTraining, useTrainingStore } from '../training/training-store';
import { GearIcon } from './StatusIcons';

/**
 * The status bar's less frequent actions: language, drawer without a sale, Devices screen. In line
 * on a wide screen; below 1280 px (status-bar.css) they fold behind one "more" button, so a 1024 px
 * till keeps every state readable. Touching outside or Escape folds them again.
 */
export function MoreActions() {
  const { t } = useTranslation();
  const { phase, staff, locale } = useAppStore();
  const [open, setOpen] = useState(false);
  const training = useTrainingStore((s) => s.state.on);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div
      className="status-more"
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        box.current?.querySelector<HTMLElement>('.status-more-toggle')?.focus();
      }}
    >
      <button
        type="button"
        className="status-more-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('statusBar.more')}
        title={t('statusBar.more')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div id={id} className="status-more-items" data-open={open || undefined}>
        <label className="status-language">
          <span className="status-more-label" aria-hidden="true">
            {t('status.language')}
          </span>
          <select
            aria-label={t('status.language')}
            title={t('status.language')}
            value={locale}
            onChange={(e) => {
              setOpen(false);
              useAppStore.setState({ locale: e.target.value as Locale });
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l} title={t(`statusBar.languageName.${l}`)}>
                {t(`statusBar.languageShort.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {phase === 'selling' && (
          <button type="button" title={t('cash.menuTitle')} onClick={run(() => showCashScreen('home'))}>
            {t('cash.title')}
          </button>
        )}
        {phase === 'selling' && (
          <button
            type="button"
            aria-label={t('devices.noSale')}
            title={t('devices.noSale')}
            onClick={run(() => void openDrawerWithoutSale())}
          >
            {t('statusBar.drawer')}
          </button>
        )}
        {phase === 'selling' && (
          <button
            type="button"
            aria-pressed={training}
            aria-label={t(training ? 'training.stop' : 'training.start')}
            title={t('training.title')}
            onClick={run(() => void toggleTraining())}
          >
            {t('training.short')}
          </button>
        )}
        {staff && can(staff.role, 'till.settings') && (
          <button
            type="button"
            className="status-icon"
            aria-label={t('devices.open')}
            title={t('devices.open')}
            onClick={run(() => useDeviceStore.setState({ panelOpen: true }))}
          >
            <GearIcon />
            <span className="status-more-label" aria-hidden="true">
              {t('devices.open')}
            </span>
          </button>
        )}
      </div>
    </div>
  );
}
