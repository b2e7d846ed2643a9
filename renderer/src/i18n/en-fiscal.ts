import type { Dictionary } from './fr';

/**
 * English words of the till's journal (sales history, fiscal status, seal problems, signing key, training
 * mode): the same keys as fr-fiscal.ts.
 */
export const enFiscal: Pick<Dictionary, 'history' | 'fiscal' | 'sealProblems' | 'signingKey' | 'training'> = {
  history: {
    title: 'Sales of this till',
    today: 'Today, business day {{date}}',
    day: 'Business day {{date}}',
    searchLabel: 'Receipt number',
    searchPlaceholder: 'e.g. 42 or S001-T01-000042',
    none: 'No sales today.',
    notFound: 'No receipt no. {{number}} on this till.',
    invalidNumber: '“{{text}}” is not a receipt number (e.g. 42 or S001-T01-000042).',
    receiptNo: 'Receipt',
    time: 'Time',
    total: 'Total',
    cashier: 'Cashier',
    open: 'Show receipt {{number}}',
  },
  fiscal: {
    title: 'Till stopped: fiscal journal to check',
    blocked: 'The till cannot record anything until its fiscal journal is restored: no sales.',
    reason: {
      'journal-damaged': 'At start, the till host found its fiscal journal damaged. No sale can be recorded.',
      'write-failed': 'The till host could not write to its fiscal journal. No sale can be recorded.',
    },
    problemLine: '{{record}}: {{what}}',
    more: 'and {{count}} more record(s).',
    callSupport: 'Manager: call support. Do not delete or change any file of the till host.',
    record: {
      sale: 'Receipt no. {{number}}',
      event: 'Technical event no. {{seq}}',
      duplicate: 'Duplicate no. {{seq}} (duplicate numbering)',
      other: 'Record no. {{seq}} of the "{{chain}}" chain',
      file: 'Journal file “{{file}}”',
      unnumbered: {
        sale: 'A receipt with no readable number',
        event: 'A technical event with no readable number',
        duplicate: 'A duplicate with no readable number',
      },
    },
    problems: {
      shape: 'unreadable or incomplete record',
      schema: 'content not in the expected format',
      sequence: 'number out of sequence (a record is missing or doubled)',
      link: 'does not follow the record before (chain broken)',
      hash: 'content changed after it was recorded (wrong fingerprint)',
      key: 'signed by a key that is not this till’s',
      signature: 'invalid signature',
      rotation: 'invalid change of signing key',
      unparseable: 'unreadable line in the middle of the journal',
      'duplicate-id': 'the same record appears twice',
      segment: 'unexpected or misnamed journal file',
      missing: 'records have disappeared from the end of the journal',
      unreadable: 'journal file cannot be read',
      repair: 'a cut end of file that cannot be repaired',
      'write-failed': 'the journal cannot be written',
      unknown: 'unrecognised problem',
    },
  },
  sealProblems: {
    shape: 'A detail of the sale is missing or invalid.',
    store: 'The sale does not match this store, till or currency.',
    'vat-rate': 'A VAT rate is not the one in force at the time of the sale.',
    'line-figures': 'A line’s amount does not match its quantity, price and discounts.',
    totals: 'The totals do not match the lines.',
    tender: 'A payment does not add up (change or amount).',
    'cash-rounding': 'The cash rounding does not follow the store’s rule.',
    'card-overpay': 'The card pays more than is due: change is given in cash.',
    'card-unknown': 'A card payment has an unknown outcome: settle it first.',
    'card-journal': 'A card payment is unknown to the terminal, of another amount, or already used.',
    'stored-value': 'A gift card or store credit payment was not reserved by this till for this sale, or is already used.',
    payment: 'The payments do not pay the total exactly.',
    approval: 'An approval (discount, price, void) is missing, already used or for another amount: ask for it again.',
    staff: 'The sale is not in the name of the person signed in.',
    time: 'The time or the business day of the sale does not match the store’s clock.',
    return: 'The return does not match the original sale (item, price, or more than is left to return).',
    training: 'Training mode changed during the sale, or a card was used in training mode (cash only): start the sale again.',
    session: 'The sale is not of the open cash session (none open, the drawer being counted, or open over 24 h: close it).',
    promotion:
      'A promotion’s discount does not match the promotions this till holds (unknown version, other amount, or not due): the promotions are being refreshed, try again.',
    voucher:
      'A gift card or store credit line is not allowed here (a reload without its card, store credit without a member, or training mode).',
    loyalty:
      'The member’s points or the reward used do not match the loyalty program or the points this till reserved for this sale (unknown version, other points, reservation given back or already used): remove the reward and try again.',
    unknown: 'The host refused for a reason this till does not know.',
  },
  signingKey: {
    title: 'Fiscal signing key',
    current: 'Key in use: {{keyId}}',
    replace: 'Replace the key',
    warning:
      'The till will make a new key, which the old one approves in the fiscal journal; the hub will follow it. This cannot be undone.',
    confirm: 'Confirm the replacement',
    replaced: 'New key in use: {{keyId}}. The change is recorded in the journal.',
  },
  /** Training mode ("mode école"): fictitious sales on a chain of their own, counted nowhere. */
  training: {
    banner: 'TRAINING MODE — sales are not real',
    short: 'Training',
    start: 'Start training mode',
    stop: 'Stop training mode',
    title: 'Training mode: practice sales, never counted (stock, totals, closings)',
    started: 'Training mode on: every sale is fictitious and its receipt says “MODE ÉCOLE”.',
    stopped: 'Training mode off: sales are real again.',
  },
};
