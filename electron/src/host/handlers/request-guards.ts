import { PosError } from '@pos/core';

/**
 * Small checks for requests crossing from the renderer. The renderer is our code, but the host
 * seals and prints what it is given, so it trusts nothing: a malformed request is refused with
 * INVALID_REQUEST naming the field, never half-processed.
 */
export function invalid(message: string): PosError {
  return new PosError('INVALID_REQUEST', message);
}

export function record(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(`${what} must be an object`);
  return raw as Record<string, unknown>;
}

export function text(obj: Record<string, unknown>, key: string, options: { max: number; pattern?: RegExp }): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > options.max) {
    throw invalid(`${key} must be a non-empty string of at most ${options.max} characters`);
  }
  if (options.pattern && !options.pattern.test(value)) throw invalid(`${key} has an invalid format`);
  return value;
}

export function integer(obj: Record<string, unknown>, key: string, min: number, max: number): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`${key} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function oneOf<T extends string>(obj: Record<string, unknown>, key: string, values: readonly T[]): T {
  const value = obj[key];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw invalid(`${key} must be one of ${values.join(', ')}`);
  }
  return value as T;
}

/** Ids made on the till: UUIDs and similar; no path or control characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
