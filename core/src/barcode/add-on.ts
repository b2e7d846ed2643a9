/**
 * EAN/UPC add-ons (2 or 5 digits: a periodical's issue, a book's price) as scanners send them
 * glued to the main code: EAN-13 + 2 or + 5 (15, 18 digits; UPC-A comes as EAN-13 too), or
 * UPC-A sent as 12 digits + 5 (17). Other lengths are no main code with add-on: 14 digits are a
 * GTIN-14, 10 and 13 too ambiguous to guess an EAN-8 inside.
 */
const MAIN_LENGTH_BY_TOTAL: Readonly<Record<number, number>> = { 15: 13, 18: 13, 17: 12 };

export function splitAddOn(digits: string): { readonly main: string; readonly addOn: string } | undefined {
  const mainLength = MAIN_LENGTH_BY_TOTAL[digits.length];
  if (mainLength === undefined) return undefined;
  return { main: digits.slice(0, mainLength), addOn: digits.slice(mainLength) };
}
