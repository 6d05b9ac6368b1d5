/**
 * Sets the time the code under test reads, for facts that depend on "now" (Contagem's today, an age, the next
 * meeting). Only `Date` is replaced: timers, promises and I/O run as usual, and the clock ticks on from `instant`. The
 * in-process subgraphs and gateway share the test's globals, so they read the same time; PostgreSQL's `now()` does
 * not, which is why calendar facts are computed from a JS instant. Undo with `jest.useRealTimers()`.
 */
export function setClock(instant: string): void {
  jest.useFakeTimers({
    now: new Date(instant),
    advanceTimers: true,
    doNotFake: [
      "hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback",
      "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout",
    ],
  });
}
