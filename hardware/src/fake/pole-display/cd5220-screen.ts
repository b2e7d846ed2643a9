/**
 * What a CD5220 pole display shows, rebuilt from the bytes it receives (command table in
 * common/pole-display/cd5220.ts). Any byte sequence is accepted without throwing; a command the
 * display does not know, a bad parameter, or a command the manual says is ignored in string mode
 * is recorded in `errors`, so a test sees an encoder bug instead of a screen that merely looks odd.
 *
 * Where the manual is silent the emulator assumes: overwrite mode wraps from the end of a row to the
 * start of the other; ESC Q A/B with fewer than 20 characters blanks the rest of the row; bytes
 * 0x80–0xFF show as the code page's glyph (kept here as the Latin-1 character of that code); ESC @
 * resets the display even in string mode.
 */
const COLUMNS = 20;
const ROWS = 2;
const ESC = 0x1b;
const US = 0x1f;
const CR = 0x0d;
const MAX_ERRORS = 100;
const MAX_STRING = 40;

type Mode = 'overwrite' | 'vertical' | 'horizontal';

/** A whole command, or how it failed; `null` while more bytes are needed. */
type Decoded =
  | { readonly length: number; readonly run?: () => void; readonly inStringMode?: boolean }
  | { readonly length: number; readonly error: string };

const blankRow = () => Array<string>(COLUMNS).fill(' ');
const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;

export class Cd5220Screen {
  private rows: string[][] = [blankRow(), blankRow()];
  private x = 0;
  private y = 0;
  private mode: Mode = 'overwrite';
  private stringMode = false;
  private scrollingMessage: string | null = null;
  private pending: number[] = [];
  readonly errors: string[] = [];
  brightness = 4;
  cursorVisible = true;

  /** The two rows as the customer reads them. */
  get lines(): readonly [string, string] {
    return [this.rows[0]!.join(''), this.rows[1]!.join('')];
  }

  /** The message of ESC Q D, scrolling on the upper row until the next command. */
  get scrolling(): string | null {
    return this.scrollingMessage;
  }

  push(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (this.pending.length > 0) {
        this.pending.push(byte);
        this.tryCommand();
      } else if (byte === ESC || byte === US) {
        this.pending.push(byte);
      } else {
        this.single(byte);
      }
    }
  }

  private error(message: string): void {
    if (this.errors.length >= MAX_ERRORS) this.errors.shift();
    this.errors.push(message);
  }

  private tryCommand(): void {
    const decoded = this.pending[0] === ESC ? this.decodeEsc(this.pending) : this.decodeUs(this.pending);
    if (decoded === null) return;
    this.pending = [];
    if ('error' in decoded) return this.error(decoded.error);
    this.endScroll();
    if (this.stringMode && !decoded.inStringMode) return this.error('command ignored in string mode (send CLR or CAN first)');
    decoded.run?.();
  }

  private decodeEsc(p: readonly number[]): Decoded | null {
    const code = p[1];
    if (code === undefined) return null;
    const withParams = (count: number, run: (params: number[]) => string | void): Decoded | null => {
      if (p.length < 2 + count) return null;
      const params = p.slice(2, 2 + count);
      return {
        length: 2 + count,
        run: () => {
          const problem = run(params);
          if (problem) this.error(problem);
        },
      };
    };
    switch (code) {
      case 0x40:
        return { length: 2, run: () => this.reset(), inStringMode: true };
      case 0x11:
        return { length: 2, run: () => (this.mode = 'overwrite') };
      case 0x12:
        return { length: 2, run: () => (this.mode = 'vertical') };
      case 0x13:
        return { length: 2, run: () => (this.mode = 'horizontal') };
      case 0x51:
        return this.decodeString(p);
      case 0x5b:
        return withParams(1, ([d]) => this.moveBracket(d!));
      case 0x6c:
        return withParams(2, ([x, y]) => {
          if (x! < 1 || x! > COLUMNS || y! < 1 || y! > ROWS) return `ESC l: position ${x},${y} is off the screen`;
          this.x = x! - 1;
          this.y = y! - 1;
        });
      case 0x57:
        return withParams(4, ([s, x1, x2, y]) => {
          if (s! > 1 || x1! < 1 || x1! > x2! || x2! > COLUMNS || y! < 1 || y! > ROWS) return `ESC W: bad window ${s} ${x1} ${x2} ${y}`;
        });
      case 0x2a:
        return withParams(1, ([n]) => {
          if (n! < 1 || n! > 4) return `ESC *: brightness ${n} is not 1-4`;
          this.brightness = n!;
        });
      case 0x5f:
        return withParams(1, ([n]) => {
          if (n! > 1) return `ESC _: cursor ${n} is not 0 or 1`;
          this.cursorVisible = n === 1;
        });
      case 0x26:
        return this.decodeDownload(p);
      // Character sets, peripheral select, download set on/off, EEPROM store/load, command type.
      case 0x3f:
      case 0x25:
      case 0x66:
      case 0x63:
      case 0x3d:
      case 0x73:
      case 0x64:
      case 0x23:
        return withParams(1, () => undefined);
      default:
        return { length: 2, error: `unknown command ESC ${hex(code)}` };
    }
  }

  private decodeUs(p: readonly number[]): Decoded | null {
    const code = p[1];
    if (code === undefined) return null;
    switch (code) {
      case 0x01:
        return { length: 2, run: () => (this.mode = 'overwrite') };
      case 0x02:
        return { length: 2, run: () => (this.mode = 'vertical') };
      case 0x03:
        return { length: 2, run: () => (this.mode = 'horizontal') };
      case 0x0a:
        return { length: 2, run: () => (this.y = 0) };
      case 0x0d:
        return { length: 2, run: () => (this.x = COLUMNS - 1) };
      case 0x42:
        return { length: 2, run: () => (this.y = ROWS - 1) };
      case 0x40:
        return { length: 2 };
      case 0x45:
        return p.length < 3 ? null : { length: 3 };
      default:
        return { length: 2, error: `unknown command US ${hex(code)}` };
    }
  }

  /** ESC Q A|B|D, up to CR. */
  private decodeString(p: readonly number[]): Decoded | null {
    const which = p[2];
    if (which === undefined) return null;
    if (which !== 0x41 && which !== 0x42 && which !== 0x44) return { length: 3, error: `unknown command ESC Q ${hex(which)}` };
    const end = p.indexOf(CR, 3);
    if (end === -1) {
      if (p.length - 3 > MAX_STRING)
        return { length: p.length, error: `ESC Q ${String.fromCharCode(which)}: no CR after ${MAX_STRING} characters` };
      return null;
    }
    const text = String.fromCharCode(...p.slice(3, end));
    return {
      length: end + 1,
      inStringMode: true,
      run: () => {
        if (which === 0x44) {
          this.rows[0] = [...text.slice(0, COLUMNS).padEnd(COLUMNS, ' ')];
          this.scrollingMessage = text;
          return;
        }
        if (text.length > COLUMNS) this.error(`ESC Q ${String.fromCharCode(which)}: ${text.length} characters, the row holds ${COLUMNS}`);
        this.rows[which === 0x41 ? 0 : 1] = [...text.slice(0, COLUMNS).padEnd(COLUMNS, ' ')];
        this.stringMode = true;
      },
    };
  }

  /** ESC & s n m, then for each character n…m: a count a and a bytes of pattern. Accepted, not drawn. */
  private decodeDownload(p: readonly number[]): Decoded | null {
    if (p.length < 5) return null;
    const [first, last] = [p[3]!, p[4]!];
    if (first > last || first < 0x20) return { length: 5, error: `ESC &: bad character range ${hex(first)}-${hex(last)}` };
    let at = 5;
    for (let char = first; char <= last; char++) {
      const count = p[at];
      if (count === undefined) return null;
      at += 1 + count;
      if (at > p.length) return null;
    }
    return { length: at };
  }

  private moveBracket(direction: number): string | void {
    switch (direction) {
      case 0x44:
        return this.left();
      case 0x43:
        return this.right();
      case 0x41:
        this.y = 0;
        return;
      case 0x42:
        return this.down();
      case 0x48:
        this.x = 0;
        this.y = 0;
        return;
      case 0x4c:
        this.x = 0;
        return;
      case 0x52:
        this.x = COLUMNS - 1;
        return;
      case 0x4b:
        this.y = ROWS - 1;
        return;
      default:
        return `unknown command ESC [ ${hex(direction)}`;
    }
  }

  private single(byte: number): void {
    this.endScroll();
    if (byte === 0x0c || byte === 0x18) {
      if (byte === 0x0c) this.rows = [blankRow(), blankRow()];
      else this.rows[this.y] = blankRow();
      this.x = 0;
      if (byte === 0x0c) this.y = 0;
      this.stringMode = false;
      return;
    }
    if (this.stringMode) return this.error(`byte ${hex(byte)} ignored in string mode (send CLR or CAN first)`);
    switch (byte) {
      case 0x08:
        return void this.left();
      case 0x09:
        return void this.right();
      case 0x0a:
        return this.down();
      case 0x0b:
        this.x = 0;
        this.y = 0;
        return;
      case CR:
        this.x = 0;
        return;
    }
    if (byte < 0x20 || byte === 0x7f) return this.error(`unknown control byte ${hex(byte)}`);
    this.write(String.fromCharCode(byte));
  }

  private write(char: string): void {
    if (this.x >= COLUMNS) {
      // Horizontal scroll mode: the row moves left under a cursor parked at its end.
      this.rows[this.y]!.shift();
      this.rows[this.y]!.push(' ');
      this.x = COLUMNS - 1;
    }
    this.rows[this.y]![this.x] = char;
    this.x += 1;
    if (this.x < COLUMNS || this.mode === 'horizontal') return;
    this.x = 0;
    if (this.y === 0) this.y = 1;
    else if (this.mode === 'vertical') this.scrollUp();
    else this.y = 0;
  }

  private left(): void {
    if (this.x > 0) this.x -= 1;
    else if (this.mode === 'overwrite') [this.x, this.y] = [COLUMNS - 1, (this.y + 1) % ROWS];
  }

  private right(): void {
    if (this.x < COLUMNS - 1) this.x += 1;
    else if (this.mode === 'overwrite') [this.x, this.y] = [0, (this.y + 1) % ROWS];
  }

  private down(): void {
    if (this.y === 0) this.y = 1;
    else if (this.mode === 'vertical') this.scrollUp();
    else this.y = 0;
  }

  private scrollUp(): void {
    this.rows = [this.rows[1]!, blankRow()];
  }

  /** "ESC Q D scrolls until a new command is received, then clears the upper line" (manual). */
  private endScroll(): void {
    if (this.scrollingMessage === null) return;
    this.scrollingMessage = null;
    this.rows[0] = blankRow();
    this.x = 0;
    this.y = 0;
  }

  private reset(): void {
    this.rows = [blankRow(), blankRow()];
    this.x = 0;
    this.y = 0;
    this.mode = 'overwrite';
    this.stringMode = false;
    this.brightness = 4;
    this.cursorVisible = true;
  }
}
