/** What the network terminal simulators (Caisse-AP, ZVT) are started with. */
export type TcpSimulatorOptions<Behaviour> = {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port, read it back from `port`. */
  readonly port?: number;
  /**
   * What every request gets unless setBehaviour() says otherwise. Default: by amount, as the
   * in-memory simulator (cents …51 refused, …52 no answer, others approved).
   */
  readonly behaviour?: Behaviour;
  /** The "customer" presenting the card. Default 1000 ms; tests use 0. */
  readonly processingMs?: number;
};

export type TcpSimulator<Behaviour, Received> = {
  readonly host: string;
  readonly port: number;
  /** Every message read from the till, in order, with its raw bytes. */
  readonly received: Received[];
  /** 'always' (default) sets the behaviour for all requests; 'next' for the next request only. */
  setBehaviour(behaviour: Behaviour | 'by-amount', scope?: 'always' | 'next'): void;
  close(): Promise<void>;
};

/**
 * What both network simulators can do with a request besides refusing it (each protocol refuses
 * in its own words): approve; no-answer (reads, then silence); late (approves after `delayMs`);
 * twice (the approval sent two times); corrupt (a broken answer); reset (the connection reset).
 */
export type SharedTerminalBehaviour =
  | { readonly kind: 'approve' }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'late'; readonly delayMs: number }
  | { readonly kind: 'twice' }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'reset' };
