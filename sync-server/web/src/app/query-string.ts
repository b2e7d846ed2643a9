/** A list's filters as URL parameters, the empty ones (undefined or '') left out: the hub reads a missing filter as none. */
export function searchParams(values: Readonly<Record<string, string | number | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  return params;
}

/** The same as a query string to append to a route: '' when nothing is set, else `?…`. */
export function queryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const text = searchParams(values).toString();
  return text === '' ? '' : `?${text}`;
}
