import { useSyncExternalStore } from 'react';

/** A minimal external store for React (useSyncExternalStore), one per app (STYLE.md habit 9). */
export class Store<S> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}

  get = (): S => this.state;

  set(update: Partial<S> | ((s: S) => Partial<S>)): void {
    const patch = typeof update === 'function' ? update(this.state) : update;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useStore<S, T>(store: Store<S>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
