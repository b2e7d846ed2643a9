/**
 * The CD5220 command set of 2 × 20 VFD pole displays ("CD5220 standard mode", also spoken by Epson
 * DM-D clones, Partner, POSX and most unbranded displays). Pure: text in, bytes out.
 *
 * Source: the CD5220 user's manual, §6.1 / §7.2 "CD5220 standard mode command list" (Partner Tech;
 * the same table is in the POSX XP8200 and Epson-branded CD5220 manuals):
 *   ESC @            1B 40          initialise the display
 *   CLR              0C             clear the screen, leave string mode
 *   CAN              18             clear the cursor line, leave string mode
 *   ESC DC1/DC2/DC3  1B 11/12/13    overwrite / vertical scroll / horizontal scroll mode
 *   ESC Q A … CR     1B 51 41 [n]x20 0D   write the upper line (string mode)
 *   ESC Q B … CR     1B 51 42 [n]x20 0D   write the lower line (string mode)
 *   ESC * n          1B 2A n        brightness, n = 1 (25 %) … 4 (100 %)
 *   ESC l x y        1B 6C x y      cursor to column x (1–20), row y (1–2)
 *   ESC _ n          1B 5F n        cursor off (0) / on (1)
 * The manual's remark: while in string mode (after ESC Q A/B), only ESC Q A/B, CLR and CAN are
 * obeyed. So the initialisation starts with CLR, and a screen is two whole lines of 20 characters.
 */

const ESC = 0x1b;
const CLR = 0x0c;
const CR = 0x0d;

export const CD5220_COLUMNS = 20;
export const CD5220_ROWS = 2;

export type Cd5220Brightness = 1 | 2 | 3 | 4;

/** A byte the display shows as itself: printable ASCII only. A CR or ESC inside a line would end it early. */
function lineBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    if (bytes.length === CD5220_COLUMNS) break;
    const code = char.charCodeAt(0);
    bytes.push(char.length === 1 && code >= 0x20 && code <= 0x7e ? code : 0x3f);
  }
  while (bytes.length < CD5220_COLUMNS) bytes.push(0x20);
  return bytes;
}

/**
 * After opening the port: leave any string mode (CLR), reset (ESC @), overwrite mode, cursor off,
 * and the brightness if one is set.
 */
export function encodeCd5220Init(options: { readonly brightness?: Cd5220Brightness } = {}): Uint8Array {
  const bytes = [CLR, ESC, 0x40, ESC, 0x11, ESC, 0x5f, 0x00];
  if (options.brightness !== undefined) bytes.push(ESC, 0x2a, options.brightness);
  return Uint8Array.from(bytes);
}

/**
 * Both lines, each exactly 20 characters (padded with spaces, cut past 20, anything outside
 * printable ASCII as '?'). Both lines are always rewritten whole, so no CLR is needed between
 * screens and the display does not flicker.
 */
export function encodeCd5220Lines(upper: string, lower: string): Uint8Array {
  return Uint8Array.from([ESC, 0x51, 0x41, ...lineBytes(upper), CR, ESC, 0x51, 0x42, ...lineBytes(lower), CR]);
}

export function encodeCd5220Clear(): Uint8Array {
  return Uint8Array.of(CLR);
}

export function encodeCd5220Brightness(level: Cd5220Brightness): Uint8Array {
  return Uint8Array.of(ESC, 0x2a, level);
}
