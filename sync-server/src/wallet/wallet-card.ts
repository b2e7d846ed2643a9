import { PNG_SIGNATURE } from './solid-png';
import { WalletError } from './wallet-error';

/** A colour as the back office stores it: `#RRGGBB`. */
export type HexColour = string;

/** The card's colours; absent, the pass uses WALLET_DEFAULT_COLOURS. */
export type WalletColours = { readonly background: HexColour; readonly foreground: HexColour; readonly label?: HexColour };

/**
 * What a wallet card shows. The display name is the only personal data it carries: no e-mail, phone
 * or birth date ever goes into a pass, which lives on a phone and may be shown to anyone at a till.
 */
export type WalletCard = {
  /** The hub's member id: the pass's serial number and the Google object's id suffix. */
  readonly memberId: string;
  /** What the QR code encodes, what the till's scanner reads. */
  readonly cardNumber: string;
  readonly displayName: string;
  readonly programName: string;
  readonly points: number;
  readonly tier?: string;
  /** The chain or store the member knows: the pass's organisation and the text beside its logo. */
  readonly storeName: string;
  /** The words around the values (labels); French unless said. */
  readonly language?: 'fr' | 'en';
  readonly colours?: WalletColours;
  /** The chain's logo for Apple's pass, a PNG of at most WALLET_CARD_LIMITS.logoBytes bytes. */
  readonly logoPng?: Uint8Array;
};

export const WALLET_CARD_LIMITS = {
  nameLength: 100,
  /** Points are whole; a balance past a billion is a bug upstream, not a customer. */
  maxPoints: 999_999_999,
  logoBytes: 64 * 1024,
  /** Apple's logo area at @3x (160×50 points). */
  logoWidth: 480,
  logoHeight: 150,
} as const;

export const WALLET_DEFAULT_COLOURS: Required<WalletColours> = { background: '#1F2937', foreground: '#FFFFFF', label: '#D1D5DB' };

/** Ids as the ledgers take them (ledger-inputs.ts): also what Google allows in an object id. */
const ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A card number the QR code carries in ISO-8859-1 and a person can read aloud: letters, digits, "-". */
const CARD_NUMBER = /^[A-Za-z0-9-]{1,64}$/;
const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;
/** A control character in a name would reach the phone's screen. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const FIELDS = new Set([
  'memberId',
  'cardNumber',
  'displayName',
  'programName',
  'points',
  'tier',
  'storeName',
  'language',
  'colours',
  'logoPng',
]);

function nameProblem(field: string, value: unknown): string | null {
  const ok = typeof value === 'string' && value.trim().length > 0 && value.length <= WALLET_CARD_LIMITS.nameLength && !CONTROL.test(value);
  return ok ? null : `${field} must be 1 to ${WALLET_CARD_LIMITS.nameLength} characters, no control character`;
}

function logoProblem(logo: unknown): string | null {
  if (!(logo instanceof Uint8Array) || logo.length < 24 || logo.length > WALLET_CARD_LIMITS.logoBytes)
    return `logoPng must be a PNG of at most ${WALLET_CARD_LIMITS.logoBytes} bytes`;
  if (PNG_SIGNATURE.some((byte, i) => logo[i] !== byte)) return 'logoPng must be a PNG';
  // IHDR is the first chunk: width and height, big-endian, at bytes 16 and 20.
  const view = new DataView(logo.buffer, logo.byteOffset, logo.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > WALLET_CARD_LIMITS.logoWidth || height > WALLET_CARD_LIMITS.logoHeight
    ? `logoPng must be at most ${WALLET_CARD_LIMITS.logoWidth}×${WALLET_CARD_LIMITS.logoHeight} pixels`
    : null;
}

function coloursProblems(colours: unknown): string[] {
  if (typeof colours !== 'object' || colours === null) return ['colours must be an object'];
  const c = colours as Record<string, unknown>;
  const problems = Object.keys(c)
    .filter((key) => key !== 'background' && key !== 'foreground' && key !== 'label')
    .map((key) => `colours.${key} is not a field of the colours`);
  for (const key of ['background', 'foreground', 'label'] as const) {
    if (key === 'label' && c[key] === undefined) continue;
    if (typeof c[key] !== 'string' || !HEX_COLOUR.test(c[key])) problems.push(`colours.${key} must be #RRGGBB`);
  }
  return problems;
}

/** Every problem of a card, in field order; empty when the card may be made into a pass. */
export function walletCardProblems(card: WalletCard): string[] {
  const c = card as unknown as Record<string, unknown>;
  const problems = Object.keys(c)
    .filter((key) => !FIELDS.has(key))
    .map((key) => `${key} is not a field of a wallet card`);
  if (typeof c.memberId !== 'string' || !ID.test(c.memberId)) problems.push('memberId must be 1 to 64 letters, digits, ".", "_" or "-"');
  if (typeof c.cardNumber !== 'string' || !CARD_NUMBER.test(c.cardNumber))
    problems.push('cardNumber must be 1 to 64 letters, digits or "-"');
  for (const field of ['displayName', 'programName', 'storeName'] as const) {
    const problem = nameProblem(field, c[field]);
    if (problem) problems.push(problem);
  }
  if (!Number.isSafeInteger(c.points) || (c.points as number) < 0 || (c.points as number) > WALLET_CARD_LIMITS.maxPoints)
    problems.push(`points must be a whole number from 0 to ${WALLET_CARD_LIMITS.maxPoints}`);
  if (c.tier !== undefined) {
    const problem = nameProblem('tier', c.tier);
    if (problem) problems.push(problem);
  }
  if (c.language !== undefined && c.language !== 'fr' && c.language !== 'en') problems.push('language must be "fr" or "en"');
  if (c.colours !== undefined) problems.push(...coloursProblems(c.colours));
  if (c.logoPng !== undefined) {
    const problem = logoProblem(c.logoPng);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Refuses a card with every problem at once (invalid_wallet_card). */
export function requireWalletCard(card: WalletCard): void {
  const problems = walletCardProblems(card);
  if (problems.length > 0) throw new WalletError('invalid_wallet_card', `Refused: ${problems.join('; ')}`, { problems });
}
