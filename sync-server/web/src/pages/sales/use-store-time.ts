import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../../app/client-context';
import { storesApi } from '../stores/stores-api';
import { settingsTimeZone, storeTime, type StoreTime } from './store-time';

/**
 * The store's times, from the time zone of its settings (GET …/settings, which whoever reads its
 * sales may read); the browser's when they cannot be read. Null until the answer is in, so a list
 * never shows its times in one zone then another.
 */
export function useStoreTime(storeId: string): StoreTime | null {
  const client = useOfficeClient();
  const { i18n } = useTranslation();
  const [zone, setZone] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setZone(undefined);
    storesApi(client)
      .getSettings(storeId)
      .then(
        (settings) => live && setZone(settingsTimeZone(settings)),
        () => live && setZone(null),
      );
    return () => {
      live = false;
    };
  }, [client, storeId]);
  return useMemo(() => (zone === undefined ? null : storeTime(i18n.language, zone)), [zone, i18n.language]);
}
