/**
 * Stand-in for `lightning/messageService` (Lightning Message Service) within one workbench page:
 * `@wire(MessageContext)` gives a context, `publish` delivers a message to every subscriber of the
 * channel (asynchronously, as on the platform), `subscribe` / `unsubscribe` manage them. Channels are
 * the `@salesforce/messageChannel/<Name>` tokens the build generates (`{ channelName }`). Each message
 * is also recorded in `window.__workbench.messages` so browser tests can check what was published.
 */

export interface MessageChannelToken {
  channelName: string;
}

export interface MessageContextValue {
  readonly id: number;
}

export interface MessageSubscription {
  readonly id: number;
  readonly channelName: string;
}

type MessageHandler = (message: unknown) => void;

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

let lastId = 0;
const subscribers = new Map<number, { channelName: string; handler: MessageHandler }>();

interface MessageLog {
  messages?: { channelName: string; message: unknown }[];
}

function channelNameOf(channel: MessageChannelToken | string): string {
  return typeof channel === 'string' ? channel : channel.channelName;
}

export function createMessageContext(): MessageContextValue {
  return { id: ++lastId };
}

/** Subscriptions are released one by one with unsubscribe: nothing is held per context. */
export function releaseMessageContext(): void {
  // Nothing to release.
}

export function publish(
  _context: MessageContextValue | undefined,
  channel: MessageChannelToken | string,
  message?: unknown,
): void {
  const channelName = channelNameOf(channel);
  // The platform delivers a copy: a subscriber cannot change what the publisher holds.
  const copy: unknown = message === undefined ? undefined : JSON.parse(JSON.stringify(message));
  const log = (window as unknown as { __workbench?: MessageLog }).__workbench;
  if (log) (log.messages ??= []).push({ channelName, message: copy });
  for (const subscriber of subscribers.values()) {
    if (subscriber.channelName === channelName) {
      queueMicrotask(() => {
        subscriber.handler(copy);
      });
    }
  }
}

export function subscribe(
  _context: MessageContextValue | undefined,
  channel: MessageChannelToken | string,
  handler: MessageHandler,
): MessageSubscription {
  const subscription = { id: ++lastId, channelName: channelNameOf(channel) };
  subscribers.set(subscription.id, { channelName: subscription.channelName, handler });
  return subscription;
}

export function unsubscribe(subscription: MessageSubscription | null | undefined): void {
  if (subscription) subscribers.delete(subscription.id);
}

/** `@wire(MessageContext)`: a context per component (the value is passed straight, not as {data, error}). */
export class MessageContext {
  constructor(private readonly dataCallback: (value: MessageContextValue) => void) {}

  update(): void {
    // No config.
  }

  connect(): void {
    this.dataCallback(createMessageContext());
  }

  disconnect(): void {
    // Nothing to release.
  }
}
