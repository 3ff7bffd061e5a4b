import { createElement } from 'lwc';
import SetupCheck from 'c/setupCheck';
import getSetupStatus from '@salesforce/apex/SetupCheckController.getSetupStatus';
import type { SetupStatus } from '@contract';
import everythingGranted from './data/getSetupStatus.json';

jest.mock(
  '@salesforce/apex/SetupCheckController.getSetupStatus',
  () => ({ __esModule: true, default: jest.fn() }),
  { virtual: true },
);

// The message naming the permission set to ask for, with its real text so the name shows.
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

// sfdx-lwc-jest resolves every other label import to its name, e.g. "c.AR_SetupCheck_Title".
const getSetupStatusMock = getSetupStatus as jest.MockedFunction<typeof getSetupStatus>;

function statusWith(change: (s: SetupStatus) => void): SetupStatus {
  const copy = JSON.parse(JSON.stringify(everythingGranted)) as SetupStatus;
  change(copy);
  return copy;
}

/** Resolves after pending promises and the re-render they cause. */
function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function render(): Promise<HTMLElement> {
  const element = createElement('c-setup-check', { is: SetupCheck });
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

function itemState(element: HTMLElement, key: string): string | undefined {
  const item = shadow(element).querySelector<HTMLElement>(`li[data-key="${key}"]`);
  return item?.dataset.state;
}

describe('c-setup-check', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('tells an admin whose org is fully set up that everything is ready', async () => {
    getSetupStatusMock.mockResolvedValue(everythingGranted as SetupStatus);

    const element = await render();

    const summary = shadow(element).querySelector('[data-id="summary"]');
    expect(summary?.textContent).toContain('c.AR_SetupCheck_AllGood');
    // 2 features, 5 objects, 2 permission sets, and the role catalog matching its picklists.
    expect(shadow(element).querySelectorAll('li[data-state="ok"]')).toHaveLength(10);
    expect(shadow(element).querySelectorAll('section h3')).toHaveLength(4);
  });

  it('shows a turned-off feature as missing with its fix, and its objects as not checked', async () => {
    getSetupStatusMock.mockResolvedValue(
      statusWith((s) => {
        s.features = s.features.map((f) => ({ ...f, enabled: false }));
      }),
    );

    const element = await render();

    expect(itemState(element, 'feature:ContactsToMultipleAccounts')).toBe('missing');
    expect(itemState(element, 'feature:AccountTeams')).toBe('missing');
    expect(itemState(element, 'object:AccountContactRelation')).toBe('notChecked');
    const feature = shadow(element).querySelector('li[data-key="feature:AccountTeams"]');
    expect(feature?.textContent).toContain('c.AR_SetupCheck_FixAccountTeams');
    expect(shadow(element).querySelector('[data-id="summary"]')?.textContent).toContain(
      'c.AR_SetupCheck_ProblemsMany',
    );
  });

  it('lists the role catalog entries that do not match their picklist, pointing to the Role Catalog page', async () => {
    getSetupStatusMock.mockResolvedValue(
      statusWith((s) => {
        s.roleCatalogIssues = [
          {
            category: 'ContactRelationship',
            value: 'Champion',
            entryName: 'Contact_Champion',
            status: 'notInPicklist',
          },
        ];
      }),
    );

    const element = await render();

    const item = shadow(element).querySelector<HTMLElement>(
      'li[data-key="roleCatalog:ContactRelationship:Contact_Champion"]',
    );
    expect(item?.dataset.state).toBe('review');
    expect(item?.textContent).toContain('c.AR_SetupCheck_StatusReview');
    expect(item?.textContent).toContain('c.AR_SetupCheck_RoleCatalogSeePage');
    expect(shadow(element).querySelector('li[data-key="roleCatalog:ok"]')).toBeNull();
    // Nothing is blocked: the summary says so and names the entries to review.
    expect(shadow(element).querySelector('[data-id="summary"]')?.textContent).toContain(
      'c.AR_SetupCheck_AllGoodCatalogReview',
    );
    await expect(element).toBeAccessible();
  });

  it('shows a readable error instead of the check when the server call fails', async () => {
    getSetupStatusMock.mockRejectedValue({ status: 500, body: { message: 'The setup check failed.' } });

    const element = await render();

    const alert = shadow(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('c.AR_SetupCheck_ErrorTitle');
    expect(alert?.textContent).toContain('The setup check failed.');
    expect(shadow(element).querySelector('[data-id="summary"]')).toBeNull();
  });

  it('names the permission set to ask for when the user may not even run the check', async () => {
    // What the platform answers a user without a permission set that opens the class.
    getSetupStatusMock.mockRejectedValue({
      status: 500,
      body: { message: "You do not have access to the Apex class named 'SetupCheckController'." },
    });

    const element = await render();

    const alert = shadow(element).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('c.AR_SetupCheck_ErrorTitle');
    const messages = [...shadow(element).querySelectorAll('[data-id="error"]')].map((p) => p.textContent);
    expect(messages).toEqual([
      'Ask your Salesforce admin to assign you the “Account Relationships User” permission set.',
    ]);
    await expect(element).toBeAccessible();
  });

  it('falls back to a generic message when the error carries no text', async () => {
    getSetupStatusMock.mockRejectedValue({});

    const element = await render();

    const messages = [...shadow(element).querySelectorAll('[data-id="error"]')].map((p) => p.textContent);
    expect(messages).toEqual(['c.AR_Error_Unknown']);
  });

  it('checks again when the user clicks "Check again", showing the new result', async () => {
    getSetupStatusMock.mockRejectedValueOnce(new Error('Network down'));
    getSetupStatusMock.mockResolvedValueOnce(everythingGranted as SetupStatus);
    const element = await render();
    expect(shadow(element).querySelector('[role="alert"]')).not.toBeNull();

    const button = shadow(element).querySelector('lightning-button');
    button?.dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(getSetupStatusMock).toHaveBeenCalledTimes(2);
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
    expect(shadow(element).querySelector('[data-id="summary"]')?.textContent).toContain(
      'c.AR_SetupCheck_AllGood',
    );
  });

  it('is accessible', async () => {
    getSetupStatusMock.mockResolvedValue(
      statusWith((s) => {
        s.permissions = s.permissions.map((p) => ({ ...p, granted: false }));
      }),
    );

    const element = await render();

    await expect(element).toBeAccessible();
  });
});
