export * from './collections';
export * from './enrollment';
export * from './sync-protocol';
export * from './field-merge';
