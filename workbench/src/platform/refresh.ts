/**
 * Stand-in for `lightning/refresh`. `RefreshEvent` is the platform's event (`lightning__refresh`,
 * bubbling and composed): on a record page it asks the page to refresh its standard components. The
 * workbench records each one in `window.__workbench.refreshes` (so browser tests can see that a save
 * asked for a refresh) and calls the handlers registered with `registerRefreshHandler`.
 */

export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent<undefined> {
  constructor() {
    super(RefreshEventName, { bubbles: true, composed: true, cancelable: true });
  }
}

type RefreshHandler = () => Promise<boolean> | boolean | undefined;

const handlers = new Map<number, RefreshHandler>();
let lastId = 0;
let listening = false;

interface RefreshLog {
  refreshes?: number;
}

function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener(RefreshEventName, () => {
    const log = (window as unknown as { __workbench?: RefreshLog }).__workbench;
    if (log) log.refreshes = (log.refreshes ?? 0) + 1;
    for (const handler of handlers.values()) void handler();
  });
}

listen();

/** Registers a handler the page calls on a refresh; returns its id for `unregisterRefreshHandler`. */
export function registerRefreshHandler(_element: unknown, handler: RefreshHandler): number {
  handlers.set(++lastId, handler);
  return lastId;
}

export function unregisterRefreshHandler(id: number): void {
  handlers.delete(id);
}
