/**
 * GS1 Application Identifiers the till understands, as data. Source: GS1 General Specifications
 * §3.2 (AI formats) and §7.8.5 (the "predefined length" table of the first two digits).
 * `numeric`: digits only (N); `cset82`: GS1 AI encodable character set 82 (X).
 * `decimalPlaces`: the AI's last digit says where the decimal point sits (310n, 392n, …);
 * its largest allowed value is given.
 */
export type AiFormat = 'numeric' | 'cset82';

export type AiDefinition = {
  /** The digits that name the AI; for decimal AIs the prefix before the decimal digit ("310"). */
  readonly prefix: string;
  readonly title: string;
  readonly format: AiFormat;
  readonly minLength: number;
  readonly maxLength: number;
  /** Mod-10 check digit over the whole value (GTIN, SSCC, GLN). */
  readonly checkDigit?: boolean;
  /** YYMMDD date, day 00 meaning the last day of the month. */
  readonly date?: boolean;
  readonly decimalPlaces?: number;
};

/**
 * AIs whose first two digits are here have a length fixed by the standard and are never followed
 * by FNC1; every other AI ends at FNC1 (GS) or at the end of the data, even when its length is fixed.
 */
const PREDEFINED_LENGTH_PREFIXES: ReadonlySet<string> = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

export function hasPredefinedLength(ai: string): boolean {
  return PREDEFINED_LENGTH_PREFIXES.has(ai.slice(0, 2));
}

const fixed = (prefix: string, title: string, length: number, extra: Partial<AiDefinition> = {}): AiDefinition => ({
  prefix,
  title,
  format: 'numeric',
  minLength: length,
  maxLength: length,
  ...extra,
});
const text = (prefix: string, title: string, maxLength: number): AiDefinition => ({
  prefix,
  title,
  format: 'cset82',
  minLength: 1,
  maxLength,
});
const digits = (prefix: string, title: string, maxLength: number, minLength = 1): AiDefinition => ({
  prefix,
  title,
  format: 'numeric',
  minLength,
  maxLength,
});
const measure = (prefix: string, title: string): AiDefinition => fixed(prefix, title, 6, { decimalPlaces: 5 });
const date = (prefix: string, title: string): AiDefinition => fixed(prefix, title, 6, { date: true });

export const AI_TABLE: readonly AiDefinition[] = [
  fixed('00', 'SSCC', 18, { checkDigit: true }),
  fixed('01', 'GTIN', 14, { checkDigit: true }),
  fixed('02', 'CONTENT', 14, { checkDigit: true }),
  text('10', 'BATCH/LOT', 20),
  date('11', 'PROD DATE'),
  date('12', 'DUE DATE'),
  date('13', 'PACK DATE'),
  date('15', 'BEST BEFORE or BEST BY'),
  date('16', 'SELL BY'),
  date('17', 'USE BY or EXPIRY'),
  fixed('20', 'VARIANT', 2),
  text('21', 'SERIAL', 20),
  text('22', 'CPV', 20),
  text('235', 'TPX', 28),
  text('240', 'ADDITIONAL ID', 30),
  text('241', 'CUST. PART No.', 30),
  digits('242', 'MTO VARIANT', 6),
  text('243', 'PCN', 20),
  text('250', 'SECONDARY SERIAL', 30),
  text('251', 'REF. TO SOURCE', 30),
  { prefix: '253', title: 'GDTI', format: 'cset82', minLength: 13, maxLength: 30 },
  text('254', 'GLN EXTENSION COMPONENT', 20),
  digits('255', 'GCN', 25, 13),
  digits('30', 'VAR. COUNT', 8),
  measure('310', 'NET WEIGHT (kg)'),
  measure('311', 'LENGTH (m)'),
  measure('312', 'WIDTH (m)'),
  measure('313', 'HEIGHT (m)'),
  measure('314', 'AREA (m²)'),
  measure('315', 'NET VOLUME (l)'),
  measure('316', 'NET VOLUME (m³)'),
  measure('320', 'NET WEIGHT (lb)'),
  measure('330', 'GROSS WEIGHT (kg)'),
  digits('37', 'COUNT', 8),
  { ...digits('390', 'AMOUNT', 15), decimalPlaces: 9 },
  { ...digits('391', 'AMOUNT (with ISO currency)', 18, 4), decimalPlaces: 9 },
  { ...digits('392', 'PRICE', 15), decimalPlaces: 9 },
  { ...digits('393', 'PRICE (with ISO currency)', 18, 4), decimalPlaces: 9 },
  fixed('394', 'PRCNT OFF', 4, { decimalPlaces: 3 }),
  fixed('395', 'PRICE/UoM', 6, { decimalPlaces: 5 }),
  text('400', 'ORDER NUMBER', 30),
  text('401', 'GINC', 30),
  fixed('402', 'GSIN', 17, { checkDigit: true }),
  text('403', 'ROUTE', 30),
  fixed('410', 'SHIP TO LOC', 13, { checkDigit: true }),
  fixed('411', 'BILL TO', 13, { checkDigit: true }),
  fixed('412', 'PURCHASE FROM', 13, { checkDigit: true }),
  fixed('413', 'SHIP FOR LOC', 13, { checkDigit: true }),
  fixed('414', 'LOC No.', 13, { checkDigit: true }),
  fixed('415', 'PAY TO', 13, { checkDigit: true }),
  fixed('416', 'PROD/SERV LOC', 13, { checkDigit: true }),
  fixed('417', 'PARTY', 13, { checkDigit: true }),
  text('420', 'SHIP TO POST', 20),
  { prefix: '421', title: 'SHIP TO POST (with ISO country)', format: 'cset82', minLength: 4, maxLength: 12 },
  fixed('422', 'ORIGIN', 3),
  digits('423', 'COUNTRY - INITIAL PROCESS', 15, 3),
  fixed('424', 'COUNTRY - PROCESS', 3),
  digits('425', 'COUNTRY - DISASSEMBLY', 15, 3),
  fixed('426', 'COUNTRY - FULL PROCESS', 3),
  fixed('7003', 'EXPIRY TIME', 10),
  fixed('8005', 'PRICE PER UNIT', 6),
  text('8020', 'REF No.', 25),
  text('8200', 'PRODUCT URL', 70),
  text('90', 'INTERNAL', 30),
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((prefix) => text(prefix, 'INTERNAL', 90)),
];

const BY_PREFIX: ReadonlyMap<string, AiDefinition> = new Map(AI_TABLE.map((entry) => [entry.prefix, entry]));

/** The AI's length in digits: its prefix, plus the decimal digit where there is one. */
export function aiLength(entry: AiDefinition): number {
  return entry.prefix.length + (entry.decimalPlaces === undefined ? 0 : 1);
}

/** The table entry whose AI starts `data` at `at`; GS1 AIs are prefix-free, so the first hit is the one. */
export function findAi(data: string, at: number): AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const entry = BY_PREFIX.get(data.slice(at, at + length));
    if (entry) return entry;
  }
  return undefined;
}
