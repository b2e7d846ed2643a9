/** A PIN is 4 to 6 digits (the lockout, not its length, is what protects it). */
export function isWellFormedPin(pin: unknown): pin is string {
  return typeof pin === 'string' && /^[0-9]{4,6}$/.test(pin);
}

/** PINs anyone would try first: one digit repeated (0000) or a run up or down (1234, 4321). */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}
