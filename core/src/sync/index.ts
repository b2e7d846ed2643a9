export * from './collections';
export * from './enrollment';
export * from './sync-protocol';
export * from './field-merge';
export * from './json-bounds';
export * from './sale-bounds';
export * from './erasure';
export * from './head-office-ids';
