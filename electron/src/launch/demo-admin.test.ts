import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_FILE, demoAdminLine } from './demo-admin';

describe('the demo administrator npm start prints', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-launch-admin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the e-mail and password the embedded hub kept in its data directory', () => {
    expect(demoAdminLine(dir)).toBeNull();
    writeFileSync(path.join(dir, DEMO_ADMIN_FILE), JSON.stringify({ email: 'admin@demo.local', password: 'Xy7_secret-pass' }));
    expect(demoAdminLine(dir)).toContain('sign in as admin@demo.local, password Xy7_secret-pass');
    writeFileSync(path.join(dir, DEMO_ADMIN_FILE), '{"email": 1}');
    expect(demoAdminLine(dir)).toBeNull();
  });
});
