/** The few PouchDB 9 calls the sync benchmark makes (the package ships no types, and @types/pouchdb is not installed). */
declare module 'pouchdb' {
  type PouchDoc = { readonly _id: string; readonly [field: string]: unknown };
  type ReplicationResult = {
    readonly ok: boolean;
    readonly docs_written: number;
    readonly doc_write_failures: number;
    readonly errors: readonly unknown[];
  };
  interface Replication extends PromiseLike<ReplicationResult> {
    on(event: 'change' | 'complete' | 'error' | 'denied' | 'active' | 'paused', listener: (info: unknown) => void): this;
    cancel(): void;
  }
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    bulkDocs(docs: readonly PouchDoc[]): Promise<readonly { ok?: boolean; error?: string }[]>;
    info(): Promise<{ readonly doc_count: number; readonly update_seq: number | string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    static fetch(url: string, init: unknown): Promise<unknown>;
    readonly replicate: { to(target: PouchDB | string, options?: Record<string, unknown>): Replication };
  }
  export default PouchDB;
}
