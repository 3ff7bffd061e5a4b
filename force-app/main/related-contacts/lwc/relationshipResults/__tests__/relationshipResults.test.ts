import { createElement } from 'lwc';
import RelationshipResults from 'c/relationshipResults';
import type { RelationshipResultItem } from 'c/relationshipResults';

// Summary labels with their real text, so the counts can be read; every other label resolves to its
// name (e.g. "c.AR_RelatedContacts_Outcome_Conflict").
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Results_Summary',
  () => ({ __esModule: true, default: '{0} saved, {1} refused' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Results_AllSaved',
  () => ({ __esModule: true, default: 'All {0} saved' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Results_NoneSaved',
  () => ({ __esModule: true, default: 'None saved: {0} refused' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RelatedContacts_Results_ShowSaved',
  () => ({ __esModule: true, default: 'Show the {0} saved rows' }),
  { virtual: true },
);

interface ResultsElement extends HTMLElement {
  results: RelationshipResultItem[];
  title: string;
}

const MIXED: RelationshipResultItem[] = [
  { id: 'r1', name: 'Alan Smith', status: 'saved' },
  {
    id: 'r2',
    name: 'James Gordan',
    status: 'conflict',
    message: 'Changed by Maria Lopez at 06:12. Reload to see the change.',
  },
  { id: 'r3', name: 'Leung Chan', status: 'saved' },
  { id: 'r4', name: 'Nora Locked', status: 'noAccess' },
];

function render(results: RelationshipResultItem[], title = ''): ResultsElement {
  const element = createElement('c-relationship-results', { is: RelationshipResults }) as ResultsElement;
  element.results = results;
  element.title = title;
  document.body.appendChild(element);
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function text(element: HTMLElement, selector: string): string {
  return (shadow(element).querySelector(selector)?.textContent ?? '').trim();
}

function tableRows(element: HTMLElement, table: string): string[][] {
  return [...shadow(element).querySelectorAll(`table.${table} tbody tr`)].map((row) =>
    [...row.children].map((cell) => cell.textContent.trim()),
  );
}

describe('c-relationship-results', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('counts saved and refused rows in a live status line', () => {
    const element = render(MIXED, 'Add role “Decision Maker”');

    expect(text(element, 'h2')).toBe('Add role “Decision Maker”');
    const summary = shadow(element).querySelector('.summary');
    expect(summary?.textContent).toBe('2 saved, 2 refused');
    expect(summary?.getAttribute('role')).toBe('status');
  });

  it('lists the refused rows first with their reasons (the server’s, else the status’s), then the saved ones', () => {
    const element = render(MIXED);

    expect(tableRows(element, 'refused')).toEqual([
      ['James Gordan', 'Changed by Maria Lopez at 06:12. Reload to see the change.'],
      ['Nora Locked', 'c.AR_RelatedContacts_Outcome_NoAccess'],
    ]);
    expect(tableRows(element, 'saved')).toEqual([
      ['Alan Smith', 'c.AR_RelatedContacts_Outcome_Saved'],
      ['Leung Chan', 'c.AR_RelatedContacts_Outcome_Saved'],
    ]);
    const tables = [...shadow(element).querySelectorAll('table')].map((t) => t.className);
    expect(tables[0]).toContain('refused');
    expect(tables[1]).toContain('saved');
  });

  it('adds an account column when rows name their accounts (hierarchy mode)', () => {
    const element = render([
      { id: 'r1', name: 'Alan Smith', accountName: 'Get Cloudy East', status: 'removed' },
      { id: 'r2', name: 'Pat Direct', accountName: 'Get Cloudy', status: 'directNotRemovable' },
    ]);

    expect(tableRows(element, 'refused')).toEqual([
      ['Pat Direct', 'Get Cloudy', 'c.AR_RelatedContacts_Outcome_DirectNotRemovable'],
    ]);
    expect(tableRows(element, 'saved')).toEqual([
      ['Alan Smith', 'Get Cloudy East', 'c.AR_RelatedContacts_Outcome_Removed'],
    ]);
  });

  it('folds a long list of saved rows away, behind a toggle that says so', async () => {
    const saved: RelationshipResultItem[] = Array.from({ length: 7 }, (_, i) => ({
      id: `s${String(i)}`,
      name: `Contact ${String(i)}`,
      status: 'saved',
    }));
    const element = render([...saved, { id: 'x', name: 'Gone Contact', status: 'notFound' }]);
    const toggle = shadow(element).querySelector<HTMLButtonElement>('button.saved-toggle');

    expect(text(element, '.summary')).toBe('7 saved, 1 refused');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.textContent.trim()).toBe('Show the 7 saved rows');
    expect(tableRows(element, 'saved')).toEqual([]);

    toggle?.click();
    await Promise.resolve();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(tableRows(element, 'saved')).toHaveLength(7);
  });

  it('says when everything was saved, or nothing', () => {
    expect(text(render([{ id: 'a', name: 'A', status: 'saved' }]), '.summary')).toBe('All 1 saved');
    expect(text(render([{ id: 'b', name: 'B', status: 'failed' }]), '.summary')).toBe(
      'None saved: 1 refused',
    );
    const empty = render([]);
    expect(text(empty, '.summary')).toBe('c.AR_RelatedContacts_Results_Empty');
    expect(text(empty, 'h2')).toBe('c.AR_RelatedContacts_Results_Title');
  });

  it('fires close from its Close button', () => {
    const element = render(MIXED);
    const handler = jest.fn();
    element.addEventListener('close', handler);

    shadow(element).querySelector<HTMLButtonElement>('button.close')?.click();

    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('is accessible', async () => {
    const element = render(MIXED);
    await expect(element).toBeAccessible();
  });
});
