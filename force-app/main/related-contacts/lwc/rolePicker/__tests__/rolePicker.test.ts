import { createElement } from 'lwc';
import RolePicker from 'c/rolePicker';
import type { RoleOption } from '@contract';
import roleOptions from './data/roleOptions.json';

const OPTIONS = roleOptions as RoleOption[];

// The inactive marker with its real text, so the test sees the value and the marker together; every
// other label resolves to its name (e.g. "c.AR_RelatedContacts_Picker_Save").
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Picker_Inactive',
  () => ({ __esModule: true, default: '{0} (inactive)' }),
  { virtual: true },
);

interface PickerElement extends HTMLElement {
  options: RoleOption[];
  selected: string[];
  multiple: boolean;
  showActions: boolean;
  label: string;
  focus(): void;
}

function render(props: Partial<Pick<PickerElement, 'selected' | 'multiple' | 'showActions' | 'label'>> = {}) {
  const element = createElement('c-role-picker', { is: RolePicker }) as PickerElement;
  element.options = OPTIONS;
  element.label = 'Roles of Alan Smith';
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function optionInputs(element: HTMLElement): HTMLInputElement[] {
  return [...shadow(element).querySelectorAll<HTMLInputElement>('input.option')];
}

function optionLabels(element: HTMLElement): string[] {
  return [...shadow(element).querySelectorAll('.option-label')].map((node) => node.textContent);
}

function input(element: HTMLElement, value: string): HTMLInputElement {
  const found = optionInputs(element).find((i) => i.dataset.value === value);
  if (!found) throw new Error(`no option ${value}`);
  return found;
}

function search(element: HTMLElement): HTMLInputElement {
  const box = shadow(element).querySelector<HTMLInputElement>('input.search');
  if (!box) throw new Error('no search box');
  return box;
}

async function type(element: HTMLElement, text: string): Promise<void> {
  const box = search(element);
  box.value = text;
  box.dispatchEvent(new CustomEvent('input'));
  await Promise.resolve();
}

function key(target: HTMLElement, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

function listen<T>(element: HTMLElement, name: string): T[] {
  const details: T[] = [];
  element.addEventListener(name, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

describe('c-role-picker', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('lists every option with its colour swatch, help text as description, and the selected ones checked', () => {
    const element = render({ selected: ['Decision Maker'] });

    expect(optionLabels(element)).toEqual([
      'Business User',
      'Decision Maker',
      'Économique acheteur',
      'Technical Buyer',
    ]);
    expect(input(element, 'Decision Maker').checked).toBe(true);
    expect(input(element, 'Business User').checked).toBe(false);
    expect(input(element, 'Business User').type).toBe('checkbox');
    // The badges' own colour pairs (c/roleBadges), as the grid and the role catalog show them.
    const swatches = [...shadow(element).querySelectorAll('.swatch')].map(
      (s) => (s as HTMLElement).style.backgroundColor,
    );
    expect(swatches).toEqual([
      'rgb(216, 230, 254)',
      'rgb(236, 225, 249)',
      'rgb(205, 239, 196)',
      'rgb(243, 243, 243)',
    ]);
    const describedBy = input(element, 'Business User').getAttribute('aria-describedby') ?? '';
    expect(shadow(element).querySelector(`[id="${describedBy}"]`)?.textContent).toBe(
      'Uses the product day to day.',
    );
    expect(input(element, 'Economic Buyer').hasAttribute('aria-describedby')).toBe(false);
  });

  it('filters by label, ignoring case and accents, and says when nothing matches', async () => {
    const element = render();

    await type(element, 'ECONOMIQUE');
    expect(optionLabels(element)).toEqual(['Économique acheteur']);

    await type(element, 'buyer');
    expect(optionLabels(element)).toEqual(['Technical Buyer']);

    await type(element, 'zzz');
    expect(optionLabels(element)).toEqual([]);
    expect(shadow(element).querySelector('.empty')?.textContent).toBe(
      'c.AR_RelatedContacts_Picker_NoMatches',
    );
  });

  it('fires change with the selection in the options’ order, whatever order the roles were ticked in', async () => {
    const element = render({ selected: ['Technical Buyer'] });
    const changes = listen<{ selected: string[] }>(element, 'change');

    input(element, 'Decision Maker').click();
    await Promise.resolve();
    input(element, 'Business User').click();
    await Promise.resolve();
    input(element, 'Technical Buyer').click();

    expect(changes.map((c) => c.selected)).toEqual([
      ['Decision Maker', 'Technical Buyer'],
      ['Business User', 'Decision Maker', 'Technical Buyer'],
      ['Business User', 'Decision Maker'],
    ]);
    expect(element.selected).toEqual(['Business User', 'Decision Maker']);
  });

  it('keeps a selected value that is no longer an option, checked and marked inactive', async () => {
    const element = render({ selected: ['Old Role', 'Business User'] });
    const saves = listen<{ selected: string[] }>(element, 'save');

    expect(optionLabels(element)).toContain('Old Role (inactive)');
    expect(input(element, 'Old Role').checked).toBe(true);

    input(element, 'Decision Maker').click();
    await Promise.resolve();
    shadow(element).querySelector<HTMLButtonElement>('button.save')?.click();

    expect(saves).toEqual([{ selected: ['Business User', 'Decision Maker', 'Old Role'] }]);
  });

  it('keeps the selection of options hidden by the search', async () => {
    const element = render({ selected: ['Business User'] });
    const saves = listen<{ selected: string[] }>(element, 'save');

    await type(element, 'decision');
    input(element, 'Decision Maker').click();
    await Promise.resolve();
    key(input(element, 'Decision Maker'), 'Enter');

    expect(saves).toEqual([{ selected: ['Business User', 'Decision Maker'] }]);
  });

  it('chooses one role only when multiple is false (radio buttons)', async () => {
    const element = render({ multiple: false, showActions: false });
    const changes = listen<{ selected: string[] }>(element, 'change');

    expect(input(element, 'Business User').type).toBe('radio');
    input(element, 'Business User').click();
    await Promise.resolve();
    input(element, 'Decision Maker').click();
    await Promise.resolve();

    expect(changes.map((c) => c.selected)).toEqual([['Business User'], ['Decision Maker']]);
    expect(input(element, 'Business User').checked).toBe(false);
    expect(shadow(element).querySelector('button.save')).toBeNull();
  });

  it('moves between the search box and the options with the arrow keys, without wrapping', async () => {
    const element = render();
    element.focus();
    expect(shadow(element).activeElement).toBe(search(element));

    const down = key(search(element), 'ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    expect(shadow(element).activeElement).toBe(input(element, 'Business User'));

    key(input(element, 'Business User'), 'ArrowDown');
    key(input(element, 'Decision Maker'), 'ArrowDown');
    key(input(element, 'Economic Buyer'), 'ArrowDown');
    key(input(element, 'Technical Buyer'), 'ArrowDown');
    expect(shadow(element).activeElement).toBe(input(element, 'Technical Buyer'));

    key(input(element, 'Technical Buyer'), 'ArrowUp');
    expect(shadow(element).activeElement).toBe(input(element, 'Economic Buyer'));

    await type(element, 'buyer');
    key(search(element), 'ArrowDown');
    expect(shadow(element).activeElement).toBe(input(element, 'Technical Buyer'));
    key(input(element, 'Technical Buyer'), 'ArrowUp');
    expect(shadow(element).activeElement).toBe(search(element));
  });

  it('saves on Enter and cancels on Escape, and those keys go no further than the picker', () => {
    const element = render({ selected: ['Business User'] });
    const saves = listen<{ selected: string[] }>(element, 'save');
    const cancels = listen<null>(element, 'cancel');
    const reachedContainer: string[] = [];
    document.body.addEventListener('keydown', (event) => reachedContainer.push(event.key));

    key(search(element), 'Enter');
    key(input(element, 'Decision Maker'), 'Escape');
    shadow(element).querySelector<HTMLButtonElement>('button.cancel')?.click();

    expect(saves).toEqual([{ selected: ['Business User'] }]);
    expect(cancels).toHaveLength(2);
    expect(reachedContainer).toEqual([]);
  });

  it('leaves Enter and Escape to the container when it shows no actions', () => {
    const element = render({ showActions: false });
    const saves = listen<{ selected: string[] }>(element, 'save');
    const cancels = listen<null>(element, 'cancel');
    const reachedContainer: string[] = [];
    document.body.addEventListener('keydown', (event) => reachedContainer.push(event.key));

    key(search(element), 'Enter');
    key(search(element), 'Escape');
    key(search(element), 'ArrowDown');

    expect(saves).toEqual([]);
    expect(cancels).toEqual([]);
    expect(reachedContainer).toEqual(['Enter', 'Escape']);
  });

  it('says when there are no roles to choose from', () => {
    const element = render();
    element.options = [];
    return Promise.resolve().then(() => {
      expect(optionInputs(element)).toEqual([]);
      expect(shadow(element).querySelector('.empty')?.textContent).toBe(
        'c.AR_RelatedContacts_Picker_NoOptions',
      );
    });
  });

  it('is accessible', async () => {
    const element = render({ selected: ['Decision Maker', 'Old Role'] });
    await Promise.resolve();
    await expect(element).toBeAccessible();
  });
});
