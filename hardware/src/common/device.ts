/**
 * The one shape every driver has (ARCHITECTURE §7): options with defaults, open()/close(), typed
 * events, and a plain-words status. Drivers never throw past this shape: bad bytes from a device
 * become an `error` status or event with a message a cashier or manager can act on.
 */
export type DeviceState = 'closed' | 'opening' | 'ready' | 'busy' | 'disconnected' | 'error';

export type DeviceStatus = {
  readonly state: DeviceState;
  /** Plain words, and the fix where there is one ("Add the udev rule build/linux/99-pos-devices.rules"). */
  readonly message?: string;
};

export type Listener<T> = (payload: T) => void;

/** A small typed event emitter with no Node import, usable in common/ and the renderer alike. */
export class TypedEvents<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      // One faulty listener must not stop the driver nor the other listeners.
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch {
        /* the listener's own bug; the driver goes on */
      }
    }
  }

  removeAll(): void {
    this.listeners.clear();
  }
}

/** Events every driver emits; a driver adds its own (`data` carries its readings). */
export type DriverEvents<Data> = {
  readonly data: Data;
  readonly status: DeviceStatus;
  readonly disconnected: { readonly reason: string };
};

export type Driver<Events extends Record<string, unknown>> = {
  open(): Promise<void>;
  close(): Promise<void>;
  status(): DeviceStatus;
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void;
};
