// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handler signatures vary per event
type EventMap<Events> = { [E in keyof Events]: (...args: any[]) => void }

export interface Emitter<Events extends EventMap<Events>> {
  on<E extends keyof Events>(event: E, handler: Events[E]): () => void
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void
}

export function createEmitter<Events extends EventMap<Events>>(): Emitter<Events> {
  // Only the fixed event names of a controller are keys here.
  const handlers: { [E in keyof Events]?: Set<Events[E]> } = {}

  return {
    on(event, handler) {
      const set = (handlers[event] ??= new Set())
      set.add(handler)
      return () => set.delete(handler)
    },
    emit(event, ...args) {
      // Set iteration tolerates a handler that unsubscribes itself (or another) meanwhile.
      handlers[event]?.forEach((handler) => handler(...args))
    },
  }
}
