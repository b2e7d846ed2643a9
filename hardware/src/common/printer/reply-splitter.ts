/** Bytes that fit no reply: line noise, a reply cut short, or a printer speaking another language. */
export type JunkReply = { readonly kind: 'junk'; readonly bytes: readonly number[]; readonly note: string };

export type ReplyReader<Reply> = {
  /** Feeds bytes as they arrive; returns the replies they complete. Never throws. */
  push(chunk: ArrayLike<number>): Reply[];
  /** At the end of the stream: what is still held back comes out as junk. */
  flush(): Reply[];
  /** Bytes held back because a reply may go on in the next chunk. */
  readonly pending: number;
};

/** What the bytes at the start of the buffer are: a whole reply, one still arriving, or a byte that starts nothing. */
export type ReplyStep<Reply> = { readonly reply: Reply; readonly used: number } | 'wait' | 'junk';

export type ReplyGrammar<Reply> = {
  step(buffer: readonly number[]): ReplyStep<Reply>;
  skippedNote(count: number): string;
  /** Why the bytes left at the end of the stream are junk: a reply was cut short. */
  cutShortNote(buffer: readonly number[]): string;
};

/**
 * Splits what a printer sends into replies, across chunks: TCP and serial hand data over in
 * pieces of any size, so a reply may be cut anywhere. A byte that cannot start a reply is skipped
 * and reported (with its neighbours) as junk, and reading goes on at the next byte.
 */
export function createReplyReader<Reply>(grammar: ReplyGrammar<Reply>): ReplyReader<Reply | JunkReply> {
  let buffer: number[] = [];

  const drain = (final: boolean): (Reply | JunkReply)[] => {
    const replies: (Reply | JunkReply)[] = [];
    let skipped: number[] = [];
    const flushSkipped = () => {
      if (skipped.length > 0) replies.push({ kind: 'junk', bytes: skipped, note: grammar.skippedNote(skipped.length) });
      skipped = [];
    };
    while (buffer.length > 0) {
      const result = grammar.step(buffer);
      if (result === 'wait') {
        if (!final) break;
        flushSkipped();
        replies.push({ kind: 'junk', bytes: buffer, note: grammar.cutShortNote(buffer) });
        buffer = [];
        break;
      }
      if (result === 'junk') {
        skipped.push(buffer.shift()!);
        continue;
      }
      flushSkipped();
      replies.push(result.reply);
      buffer = buffer.slice(result.used);
    }
    flushSkipped();
    return replies;
  };

  return {
    push(chunk) {
      for (let i = 0; i < (chunk?.length ?? 0); i++) buffer.push(Number(chunk[i]) & 0xff);
      return drain(false);
    },
    flush: () => drain(true),
    get pending() {
      return buffer.length;
    },
  };
}
