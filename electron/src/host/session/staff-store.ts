import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoStaff, StaffMember } from '@pos/core';
import { hashPin, verifyPin } from './pin-hash';

type StoredStaff = StaffMember & { readonly pinHash: string };

/** Staff of this store with hashed PINs, kept in the host's data directory (staff.json). */
export class StaffStore {
  private constructor(private readonly staff: readonly StoredStaff[]) {}

  static async open(dataDir: string, seed: readonly DemoStaff[]): Promise<StaffStore> {
    const file = path.join(dataDir, 'staff.json');
    try {
      return new StaffStore(JSON.parse(await readFile(file, 'utf8')) as StoredStaff[]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const staff = await Promise.all(seed.map(async ({ pin, ...member }) => ({ ...member, pinHash: await hashPin(pin) })));
    await writeFile(`${file}.tmp`, JSON.stringify(staff, null, 2), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return new StaffStore(staff);
  }

  list(): StaffMember[] {
    return this.staff.map(({ pinHash: _hidden, ...member }) => member);
  }

  /** The member whose PIN this is, or null. Every hash is checked so timing tells nothing. */
  async findByPin(pin: string): Promise<StaffMember | null> {
    const matches = await Promise.all(this.staff.map((s) => verifyPin(pin, s.pinHash)));
    const index = matches.indexOf(true);
    if (index === -1) return null;
    const { pinHash: _hidden, ...member } = this.staff[index] as StoredStaff;
    return member;
  }
}
