import { demoProduct, demoStoreProfile, encodeVariableMeasure, gtinCheckDigit, weighedItemCode } from '@pos/core';

/** One code of the sheet: what bwip-js draws (`bcid`, `text`), what a person reads, and what the till does with it. */
export type DemoBarcode = {
  readonly id: 'unit' | 'weighed' | 'scaleWeight' | 'scalePrice' | 'gs1' | 'gs1Expired' | 'checkDigit';
  /** code128 for the misread code: an EAN-13 symbol cannot carry a wrong check digit. */
  readonly bcid: 'ean13' | 'gs1-128' | 'code128';
  readonly text: string;
  readonly product: string;
  /** What the label carries: a weight in grams, a price in cents, a use-by date. */
  readonly grams?: number;
  readonly cents?: number;
  readonly date?: string;
};

const profile = demoStoreProfile();
const layout = (kind: 'weight_g' | 'price_minor') => {
  const found = profile.variableMeasureLayouts.find((l) => l.valueKind === kind);
  if (!found) throw new Error(`The demo store has no ${kind} label layout`);
  return found;
};

/**
 * Codes from the demo catalog (core/src/demo) that show what the till does with a scan: a unit
 * product, a weighed one, scale labels, a GS1-128 label with its weight and use-by date, and the
 * refusals (a label past its date, a misread check digit). Computed, so they follow the catalog.
 */
export function demoBarcodes(): readonly DemoBarcode[] {
  const unit = demoProduct(100);
  const apples = demoProduct(0);
  const roast = demoProduct(15);
  const unitCode = unit.barcodes[0]!;
  const wrongDigit = `${unitCode.slice(0, 12)}${(gtinCheckDigit(unitCode.slice(0, 12)) + 1) % 10}`;
  const gs1 = (useBy: string) => `(01)0${apples.barcodes[0]!}(3103)001250(17)${useBy}`;
  return [
    { id: 'unit', bcid: 'ean13', text: unitCode, product: unit.name },
    { id: 'weighed', bcid: 'ean13', text: apples.barcodes[0]!, product: apples.name },
    {
      id: 'scaleWeight',
      bcid: 'ean13',
      text: encodeVariableMeasure('20', weighedItemCode(0), 1250, layout('weight_g')),
      product: apples.name,
      grams: 1250,
    },
    {
      id: 'scalePrice',
      bcid: 'ean13',
      text: encodeVariableMeasure('21', weighedItemCode(15), 1234, layout('price_minor')),
      product: roast.name,
      cents: 1234,
    },
    { id: 'gs1', bcid: 'gs1-128', text: gs1('301231'), product: apples.name, grams: 1250, date: '2030-12-31' },
    { id: 'gs1Expired', bcid: 'gs1-128', text: gs1('200101'), product: apples.name, date: '2020-01-01' },
    // The unit product's code with a wrong check digit, as when a scanner misreads a bar.
    { id: 'checkDigit', bcid: 'code128', text: wrongDigit, product: unit.name },
  ];
}
