import { EventEmitter } from 'node:events';
import type { EventName, HostEvents } from '@pos/core';

/** Typed events from the host to every connected renderer. */
export class HostEventBus {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: HostEvents[E]): void {
    this.emitter.emit(event, payload);
    this.emitter.emit('*', event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    this.emitter.on('*', listener);
    return () => this.emitter.off('*', listener);
  }
}
