import { enCatalog } from './en-catalog';
import { enCustomers } from './en-customers';
import { enLoyalty } from './en-loyalty';
import { enCards } from './en-cards';
import { enPromotions } from './en-promotions';
import { enClosings } from './en-closings';
import { enStock } from './en-stock';
import { enDashboard } from './en-dashboard';
import { enExport } from './en-export';
import { enProductPicker } from './en-product-picker';
import { enSales } from './en-sales';
import { enStoresStaff } from './en-stores-staff';
import { enUsers } from './en-users';
import type { Dictionary } from './fr';

export const en: Dictionary = {
  ...enCatalog,
  ...enCustomers,
  ...enLoyalty,
  ...enCards,
  ...enPromotions,
  ...enClosings,
  ...enStock,
  ...enDashboard,
  ...enExport,
  ...enProductPicker,
  ...enSales,
  ...enStoresStaff,
  ...enUsers,
  app: {
    title: 'Back office',
    loading: 'Loading…',
    skipToContent: 'Skip to content',
    language: 'Language',
    signOut: 'Sign out',
    navigation: 'Main navigation',
    signedInAs: 'Signed in: {{name}} ({{role}})',
    menu: 'Menu',
  },
  roles: {
    admin: 'Administrator',
    regional: 'Regional manager',
    'store-manager': 'Store manager',
    accountant: 'Accountant',
  },
  signIn: {
    title: 'Sign in to the back office',
    email: 'E-mail address',
    password: 'Password',
    totp: 'Verification code (authenticator app)',
    totpHelp: 'Enter the 6 digits your app shows.',
    submit: 'Sign in',
    submitting: 'Signing in…',
  },
  password: {
    title: 'Choose a new password',
    intro: 'Your password is temporary: choose a new one to continue.',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm the new password',
    submit: 'Save',
    mismatch: 'The two new passwords are not the same.',
  },
  totp: {
    title: 'Turn on two-factor authentication',
    intro:
      'An administrator confirms every sign-in with a one-time code. Scan this QR code with an authenticator app, then type the code it shows.',
    qr: 'QR code to scan with the authenticator app',
    key: 'Or type this key into the app:',
    code: '6-digit code shown by the app',
    submit: 'Turn on',
  },
  pages: {
    dashboard: 'Dashboard',
    sales: 'Sales',
    closings: 'Closings & fiscal',
    stock: 'Stock',
    catalog: 'Catalog',
    customers: 'Customers',
    loyalty: 'Loyalty',
    stores: 'Stores & tills',
    staff: 'Staff',
    users: 'Users & audit',
    account: 'My account',
    notFound: 'Page not found',
  },
  upcoming: {
    dashboard:
      'Net sales with and without VAT, tickets, average basket, returns and discounts by store, till, day and hour, with comparisons and charts updated live.',
    sales:
      'The searchable list of sales (store, till, date, receipt, amount, tender, staff), each receipt as printed, its returns and its fiscal status.',
    closings:
      'Z reports per till and day with variances, monthly and yearly closings, grand totals, the state of the fiscal chains and archive export.',
    stock: 'Levels by store and product, movements, negative stock, goods received, transfers and counts.',
    catalog: 'Products, barcodes, categories, VAT, prices and price lists, and CSV import with row-level errors.',
    stores: 'Stores and their settings, tills with enrollment codes, revocation, last seen and version.',
    staff: 'Staff, roles and PIN resets, synced to the tills.',
    users: 'Back-office users, their roles and stores, and the audit log of changes.',
    comingSoon: 'This page is coming soon.',
    readOnly: 'Your role lets you view this page, not change it.',
    notFound: 'This address is not a page of the back office.',
    backHome: 'Back to the dashboard',
  },
  storePicker: {
    label: 'Store',
    choose: 'Choose a store',
    none: 'No store is assigned to you.',
    idLabel: 'Store id',
    open: 'Open',
    invalid: 'A store id is 1 to 64 letters, digits, "_" or "-".',
  },
  errors: {
    invalid_credentials: 'Wrong e-mail address or password.',
    totp_required: 'Enter the verification code from your app.',
    totp_invalid: 'This verification code is not valid: try again with the code shown.',
    account_locked: 'Too many attempts: the account is locked for a while. Try again later.',
    rate_limited: 'Too many attempts: wait a moment before trying again.',
    auth_rate_limited: 'Too many attempts: wait a moment before trying again.',
    weak_password: 'This password is too weak: choose a longer one.',
    unauthorized: 'Your session ended: sign in again.',
    csrf_rejected: 'The page expired: reload it and try again.',
    forbidden: 'Your role does not allow this.',
    bad_request: 'The request is not valid.',
    network: 'The server does not answer: check the connection and try again.',
    already_exists: 'Two-factor authentication is on already: an administrator can reset it.',
    not_found: 'Not found: this store or record does not exist on the hub.',
    invalid_sales_range: 'These dates do not work: the end must follow the start, 366 days at most.',
    invalid_amount_range: 'The lowest amount is above the highest.',
    invalid_receipt: 'Type a receipt code (S001-T01-000042) or a sale id.',
    invalid_cursor: 'This page is no longer valid: search again.',
    unknown: 'An unexpected error happened (code {{code}}).',
  },
};
