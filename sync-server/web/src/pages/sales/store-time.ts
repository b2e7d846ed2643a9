/** The time zone the browser shows times in (the system's). */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Is `zone` a time zone this browser knows (an IANA name such as Europe/Paris)? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time zone a store's saved settings hold, or null when they hold none this browser knows. */
export function settingsTimeZone(settings: Readonly<Record<string, unknown>> | null): string | null {
  const zone = settings?.timeZone;
  return typeof zone === 'string' && zone.length <= 100 && isTimeZone(zone) ? zone : null;
}

export type StoreTime = {
  /** An instant as the store's clock read it: short date and time in its zone. */
  readonly dateTime: (iso: string | null | undefined) => string;
  /** The store's zone when it is not the browser's (the times then read otherwise than the user's clock), else null. */
  readonly zone: string | null;
};

/**
 * The store's times in `locale`: a sale at 10:00 in Nouméa reads 10:00 wherever the head office is.
 * Without a known zone (`storeZone` null), the browser's.
 */
export function storeTime(locale: string, storeZone: string | null, browserZone: string = browserTimeZone()): StoreTime {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: storeZone ?? browserZone });
  // Compared as the browser names them: "Etc/UTC" and "UTC" are one zone.
  const zone = format.resolvedOptions().timeZone;
  return {
    dateTime: (iso) => {
      const date = iso ? new Date(iso) : null;
      return date && !Number.isNaN(date.getTime()) ? format.format(date) : '—';
    },
    zone: zone === new Intl.DateTimeFormat('en', { timeZone: browserZone }).resolvedOptions().timeZone ? null : zone,
  };
}
