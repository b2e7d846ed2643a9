import { describe, expect, it } from 'vitest';
import { parseUpdateUrl, readLaunchOptions } from './launch-options';

describe('readLaunchOptions', () => {
  it('defaults to nothing special', () => {
    expect(readLaunchOptions(['electron', '.'], {})).toEqual({ dataDir: null, kiosk: false, updateUrl: null, rendererIndex: null });
  });

  it('reads --data-dir in both spellings, before POS_DATA_DIR', () => {
    expect(readLaunchOptions(['pos', '--data-dir=/srv/till'], { POS_DATA_DIR: '/env' }).dataDir).toBe('/srv/till');
    expect(readLaunchOptions(['pos', '--data-dir', '/srv/till'], {}).dataDir).toBe('/srv/till');
    expect(readLaunchOptions(['pos'], { POS_DATA_DIR: '/env' }).dataDir).toBe('/env');
    expect(readLaunchOptions(['pos', '--data-dir='], { POS_DATA_DIR: ' ' }).dataDir).toBeNull();
  });

  it('goes kiosk with --kiosk or POS_KIOSK=1', () => {
    expect(readLaunchOptions(['pos', '--kiosk'], {}).kiosk).toBe(true);
    expect(readLaunchOptions(['pos'], { POS_KIOSK: '1' }).kiosk).toBe(true);
    expect(readLaunchOptions(['pos'], { POS_KIOSK: '0' }).kiosk).toBe(false);
  });

  it('takes the update feed and a renderer override from the environment', () => {
    const options = readLaunchOptions(['pos'], { POS_UPDATE_URL: 'https://updates.example/till/', POS_RENDERER_INDEX: '/dev/index.html' });
    expect(options.updateUrl).toBe('https://updates.example/till/');
    expect(options.rendererIndex).toBe('/dev/index.html');
  });
});

describe('parseUpdateUrl', () => {
  it('accepts HTTPS, and plain HTTP on loopback only', () => {
    expect(parseUpdateUrl('https://updates.example/till')).toBe('https://updates.example/till');
    expect(parseUpdateUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(parseUpdateUrl('http://localhost/')).toBe('http://localhost/');
    expect(parseUpdateUrl('http://updates.example/')).toBeNull();
    expect(parseUpdateUrl('file:///tmp/update')).toBeNull();
    expect(parseUpdateUrl('not a url')).toBeNull();
    expect(parseUpdateUrl('')).toBeNull();
    expect(parseUpdateUrl(undefined)).toBeNull();
  });
});
