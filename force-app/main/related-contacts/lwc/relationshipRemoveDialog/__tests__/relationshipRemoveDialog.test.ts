import { createElement } from 'lwc';
import RelationshipRemoveDialog from 'c/relationshipRemoveDialog';

interface RemoveDialogElement extends HTMLElement {
  title: string;
  message: string;
  confirmLabel: string;
  open(): void;
}

async function render(props: Partial<Pick<RemoveDialogElement, 'title' | 'message' | 'confirmLabel'>> = {}) {
  const element = createElement('c-relationship-remove-dialog', {
    is: RelationshipRemoveDialog,
  }) as RemoveDialogElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  element.open();
  await Promise.resolve();
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function find(element: HTMLElement, selector: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function key(target: HTMLElement, name: string, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key: name,
    shiftKey,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

describe('c-relationship-remove-dialog', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('asks in an alert dialog, says the removal cannot be undone, and focuses Cancel', async () => {
    const element = await render({
      title: 'Remove relationship?',
      message: 'Remove James Gordan’s relationship with Get Cloudy East?',
      confirmLabel: 'Remove',
    });

    const dialog = find(element, 'section');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(find(element, 'h2').textContent).toBe('Remove relationship?');
    expect(find(element, '.message').textContent).toBe(
      'Remove James Gordan’s relationship with Get Cloudy East?',
    );
    expect(find(element, '.undone').textContent).toBe('c.AR_RelatedContacts_RemoveDialog_CannotBeUndone');
    expect(find(element, 'button.confirm').textContent.trim()).toBe('Remove');
    expect(shadow(element).activeElement).toBe(find(element, 'button.cancel'));
  });

  it('uses its own title, message and button text when given none', async () => {
    const element = await render();

    expect(find(element, 'h2').textContent).toBe('c.AR_RelatedContacts_RemoveDialog_Title');
    expect(find(element, '.message').textContent).toBe('c.AR_RelatedContacts_RemoveDialog_Message');
    expect(find(element, 'button.confirm').textContent.trim()).toBe(
      'c.AR_RelatedContacts_RemoveDialog_Confirm',
    );
  });

  it('fires confirm from the confirm button and closes', async () => {
    const element = await render();
    const confirmed = jest.fn();
    const cancelled = jest.fn();
    element.addEventListener('confirm', confirmed);
    element.addEventListener('cancel', cancelled);

    find(element, 'button.confirm').click();
    await Promise.resolve();

    expect(confirmed).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
    expect(shadow(element).querySelector('section')).toBeNull();
  });

  it('cancels on Escape (which goes no further) and on Cancel, and gives the focus back', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    const element = await render();
    const cancelled = jest.fn();
    element.addEventListener('cancel', cancelled);
    const reachedPage = jest.fn();
    document.body.addEventListener('keydown', reachedPage);

    key(find(element, 'button.confirm'), 'Escape');
    await Promise.resolve();
    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(reachedPage).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);

    element.open();
    await Promise.resolve();
    find(element, 'button.cancel').click();
    expect(cancelled).toHaveBeenCalledTimes(2);
  });

  it('keeps Tab between its two buttons', async () => {
    const element = await render();
    const cancel = find(element, 'button.cancel');
    const confirm = find(element, 'button.confirm');

    expect(key(cancel, 'Tab').defaultPrevented).toBe(false);
    confirm.focus();
    expect(key(confirm, 'Tab').defaultPrevented).toBe(true);
    expect(shadow(element).activeElement).toBe(cancel);
    expect(key(cancel, 'Tab', true).defaultPrevented).toBe(true);
    expect(shadow(element).activeElement).toBe(confirm);
  });

  it('is accessible', async () => {
    const element = await render({ message: 'Remove 3 relationships?' });
    await expect(element).toBeAccessible();
  });
});
