import { describe, expect, it } from 'vitest';
import { OFFICE_ROLES } from '../api/office-client';
import { accessTo, pageAt, pagesFor, PAGES } from './navigation';

describe('which role sees which page', () => {
  it('administrators see and change everything; only they see users and the audit log', () => {
    expect(pagesFor('admin')).toEqual([...PAGES]);
    for (const role of OFFICE_ROLES) expect(pagesFor(role).includes('users')).toBe(role === 'admin');
    expect(accessTo('admin', 'catalog')).toBe('edit');
    // Every role owns API keys at the hub: every role has its account page.
    for (const role of OFFICE_ROLES) expect(accessTo(role, 'account')).toBe('edit');
  });

  it('an accountant reads sales, closings and stock, never the catalog, stores or staff, and changes no stock', () => {
    expect(pagesFor('accountant')).toEqual(['dashboard', 'sales', 'closings', 'stock', 'account']);
    expect(accessTo('accountant', 'catalog')).toBeNull();
    expect(accessTo('accountant', 'stock')).toBe('read');
  });

  it('store and regional managers read the catalog without changing it, and manage their staff and stock', () => {
    for (const role of ['regional', 'store-manager'] as const) {
      expect(accessTo(role, 'catalog')).toBe('read');
      expect(accessTo(role, 'staff')).toBe('edit');
      expect(accessTo(role, 'stock')).toBe('edit');
      expect(accessTo(role, 'users')).toBeNull();
    }
    expect(accessTo('store-manager', 'stores')).toBe('read');
    expect(accessTo('regional', 'stores')).toBe('edit');
  });

  it('every role has a dashboard; an address names a page or none', () => {
    for (const role of OFFICE_ROLES) expect(pagesFor(role)[0]).toBe('dashboard');
    expect(pageAt('')).toBe('dashboard');
    expect(pageAt('catalog/123')).toBe('catalog');
    expect(pageAt('dashboard')).toBeNull();
    expect(pageAt('nowhere')).toBeNull();
  });
});
