import { createElement } from 'lwc';
import RoleCatalog from 'c/roleCatalog';
import getRoleCatalog from '@salesforce/apex/RoleCatalogController.getRoleCatalog';
import type { RoleCatalogReport } from '@contract';
import catalog from './data/getRoleCatalog.json';
import featuresOff from './data/getRoleCatalog-featuresOff.json';

jest.mock(
  '@salesforce/apex/RoleCatalogController.getRoleCatalog',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);
// Labels with placeholders get their real text, so the test sees what is filled in.
jest.mock(
  '@salesforce/label/c.AR_Error_NoApexClassAccess',
  () => ({ __esModule: true, default: 'Ask your Salesforce admin to assign you the “{0}” permission set.' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_PermissionSet_AccountRelationships_User',
  () => ({ __esModule: true, default: 'Account Relationships User' }),
  { virtual: true },
);
jest.mock(
  '@salesforce/label/c.AR_RoleCatalog_MismatchesMany',
  () => ({ __esModule: true, default: '{0} catalog entries don’t match their picklists.' }),
  { virtual: true },
);

// sfdx-lwc-jest resolves every other label import to its name, e.g. "c.AR_RoleCatalog_Title".
const getRoleCatalogMock = getRoleCatalog as jest.MockedFunction<typeof getRoleCatalog>;

function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function render(): Promise<HTMLElement> {
  const element = createElement('c-role-catalog', { is: RoleCatalog });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) {
    throw new Error('no shadow root');
  }
  return element.shadowRoot;
}

function rowOf(element: HTMLElement, category: string, value: string): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>(
    `div[data-category="${category}"] tr[data-value="${value}"]`,
  );
}

describe('c-role-catalog', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('lists the picklist values against the catalog per category, with mismatches counted at the top', async () => {
    getRoleCatalogMock.mockResolvedValue(catalog as RoleCatalogReport);

    const element = await render();

    expect(shadow(element).querySelector('[data-id="mismatches"]')?.textContent).toBe(
      '2 catalog entries don’t match their picklists.',
    );
    expect(shadow(element).querySelector('[data-id="no-entry"]')?.textContent).toBe(
      'c.AR_RoleCatalog_NoEntryOne',
    );
    const headings = [...shadow(element).querySelectorAll('div[data-category] h3')].map((h) => h.textContent);
    expect(headings).toEqual([
      'c.AR_RoleCatalog_SectionContactRelationship',
      'c.AR_RoleCatalog_SectionAccountTeam',
    ]);
    expect(
      shadow(element).querySelectorAll('div[data-category="ContactRelationship"] tbody tr'),
    ).toHaveLength(6);
    expect(shadow(element).querySelectorAll('tr[data-mismatch="true"]')).toHaveLength(2);
    expect(rowOf(element, 'ContactRelationship', 'Partner Contact')?.dataset.status).toBe('notInPicklist');
    expect(rowOf(element, 'ContactRelationship', 'Business User')?.dataset.status).toBe('inactiveInPicklist');
  });

  it('previews each badge in its catalog colour, and a value without an entry in neutral', async () => {
    getRoleCatalogMock.mockResolvedValue(catalog as RoleCatalogReport);

    const element = await render();

    const buyer = rowOf(element, 'ContactRelationship', 'Economic Buyer')?.querySelector<HTMLElement>(
      '[data-id="badge"]',
    );
    expect(buyer?.textContent).toBe('Economic Buyer');
    expect(buyer?.getAttribute('style')).toContain('#cdefc4');
    const champion = rowOf(element, 'ContactRelationship', 'Champion');
    expect(champion?.querySelector('[data-id="badge"]')?.className).toContain('slds-badge_lightest');
    expect(champion?.querySelector('[data-id="status"]')?.textContent).toBe(
      'c.AR_RoleCatalog_StatusNoCatalogEntry',
    );
    expect(champion?.dataset.mismatch).toBe('false');
  });

  it('says which feature to turn on where one is off, and lists the entries without comparing them', async () => {
    getRoleCatalogMock.mockResolvedValue(featuresOff as RoleCatalogReport);

    const element = await render();

    const messages = [...shadow(element).querySelectorAll('[data-id="feature-off"]')].map(
      (m) => m.textContent,
    );
    expect(messages).toEqual([
      'c.AR_RoleCatalog_FeatureOffContactRelationship',
      'c.AR_RoleCatalog_FeatureOffAccountTeam',
    ]);
    expect(rowOf(element, 'ContactRelationship', 'Economic Buyer')?.dataset.status).toBe('notCompared');
    expect(
      shadow(element).querySelector('div[data-category="AccountTeam"] [data-id="empty"]'),
    ).not.toBeNull();
    expect(shadow(element).querySelector('[data-id="mismatches"]')?.textContent).toBe(
      'c.AR_RoleCatalog_NothingCompared',
    );
    await expect(element).toBeAccessible();
  });

  it('always explains how to edit the catalog in Setup', async () => {
    getRoleCatalogMock.mockResolvedValue(catalog as RoleCatalogReport);

    const element = await render();

    const steps = [...shadow(element).querySelectorAll('[data-id="how-to"] li')].map((li) => li.textContent);
    expect(steps).toEqual([
      'c.AR_RoleCatalog_HowToOpen',
      'c.AR_RoleCatalog_HowToAdd',
      'c.AR_RoleCatalog_HowToFields',
      'c.AR_RoleCatalog_HowToMismatch',
    ]);
  });

  it('names the permission set to ask for when the user may not run the controller', async () => {
    getRoleCatalogMock.mockRejectedValue({
      status: 500,
      body: { message: "You do not have access to the Apex class named 'RoleCatalogController'." },
    });

    const element = await render();

    const alert = shadow(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('c.AR_RoleCatalog_ErrorTitle');
    const messages = [...shadow(element).querySelectorAll('[data-id="error"]')].map((p) => p.textContent);
    expect(messages).toEqual([
      'Ask your Salesforce admin to assign you the “Account Relationships User” permission set.',
    ]);
    expect(shadow(element).querySelector('table')).toBeNull();
  });

  it('shows the server’s message for another failure, or a generic one when there is none', async () => {
    getRoleCatalogMock.mockRejectedValueOnce({ status: 500, body: { message: 'Describe failed.' } });
    const element = await render();
    expect([...shadow(element).querySelectorAll('[data-id="error"]')].map((p) => p.textContent)).toEqual([
      'Describe failed.',
    ]);

    getRoleCatalogMock.mockRejectedValueOnce({});
    shadow(element).querySelector('lightning-button')?.dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect([...shadow(element).querySelectorAll('[data-id="error"]')].map((p) => p.textContent)).toEqual([
      'c.AR_Error_Unknown',
    ]);
  });

  it('loads again on Refresh, showing the new catalog', async () => {
    getRoleCatalogMock.mockRejectedValueOnce(new Error('Network down'));
    getRoleCatalogMock.mockResolvedValueOnce(catalog as RoleCatalogReport);
    const element = await render();
    expect(shadow(element).querySelector('[role="alert"]')).not.toBeNull();

    shadow(element).querySelector('lightning-button')?.dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(getRoleCatalogMock).toHaveBeenCalledTimes(2);
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
    expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(8);
  });

  it('is accessible', async () => {
    getRoleCatalogMock.mockResolvedValue(catalog as RoleCatalogReport);

    const element = await render();

    await expect(element).toBeAccessible();
  });
});
