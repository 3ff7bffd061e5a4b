/**
 * The workbench's stand-ins for lightning/messageService and lightning/refresh behave as the
 * platform's do for what the components use: publish reaches the channel's subscribers (a copy,
 * asynchronously), and a RefreshEvent bubbles out of the component to the page's refresh handlers.
 */
import { MessageContext, publish, subscribe, unsubscribe } from '../messageService';
import { RefreshEvent, registerRefreshHandler, unregisterRefreshHandler } from '../refresh';

const CHANGED = { channelName: 'AccountRelationshipsChanged__c' };
const OTHER = { channelName: 'Other__c' };

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('Lightning Message Service stand-in', () => {
  it("delivers a copy of each message to the channel's subscribers only, until they unsubscribe", async () => {
    let context: unknown;
    new MessageContext((value) => (context = value)).connect();
    const received: unknown[] = [];
    const other: unknown[] = [];
    const subscription = subscribe(undefined, CHANGED, (message) => received.push(message));
    subscribe(undefined, OTHER, (message) => other.push(message));
    const message = { action: 'saved', relationshipIds: ['07k1'] };
    publish(undefined, CHANGED, message);
    expect(received).toEqual([]); // asynchronous, as on the platform
    await flush();
    expect(context).toBeDefined();
    expect(received).toEqual([message]);
    expect(received[0]).not.toBe(message);
    expect(other).toEqual([]);
    unsubscribe(subscription);
    publish(undefined, CHANGED, message);
    await flush();
    expect(received).toHaveLength(1);
  });
});

describe('lightning/refresh stand-in', () => {
  it('a RefreshEvent from a component reaches the registered handlers', () => {
    const handler = jest.fn(() => true);
    const id = registerRefreshHandler(document.body, handler);
    const component = document.createElement('div');
    document.body.appendChild(component);
    component.dispatchEvent(new RefreshEvent());
    expect(handler).toHaveBeenCalledTimes(1);
    unregisterRefreshHandler(id);
    component.dispatchEvent(new RefreshEvent());
    expect(handler).toHaveBeenCalledTimes(1);
    component.remove();
  });
});
