/**
 * The workbench app shell: reads the URL, loads the dataset into a sample org, sets the platform
 * context and renders either the index (components × datasets) or one component inside a page
 * frame that looks like a Lightning record/app page. Anything unknown in the URL gets a clear
 * message, never a blank page.
 */
import { createElement } from 'lwc';
import componentLoaders from '@workbench/component-loaders';
import type { DatasetBundle, DatasetSummary } from '../sampleOrg/dataset';
import { SampleOrg } from '../sampleOrg/sampleOrg';
import { toApexId } from '../sampleOrg/apex/shared/parameters';
import { invokeApex } from '../sampleOrg/apex/registry';
import { asyncApexOf } from '../sampleOrg/apex/accountTeam/teamRuns';
import { label } from '../platform/labels';
import type { PageReference } from '../platform/context';
import { apexResultOverTheWire, overTheWire, setWorkbenchContext } from '../platform/context';
import { WORKBENCH_LOCALES } from '../platform/locale';
import type { WorkbenchComponent } from './componentRegistry';
import { COMPONENTS } from './componentRegistry';
import { h, spriteIcon } from './dom';
import { installNotices } from './notices';
import type { PageState } from './url';
import { componentProperties, latencyOf, localeOf, pageUrl, readPageState } from './url';

const LOCALE_NAMES: Record<string, string> = { en_US: 'English', zh_CN: '简体中文' };
const DEFAULT_DATASET = 'get-cloudy';

/** Shown on the page instead of the component: what is wrong and where to go instead. */
class PageError extends Error {
  constructor(
    message: string,
    readonly links: { label: string; href: string }[] = [],
  ) {
    super(message);
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) {
    const text = await response.text();
    throw new PageError(`Could not load ${url}: ${response.status} ${text}`);
  }
  return (await response.json()) as T;
}

interface Frame {
  header: HTMLElement;
  navigationArea: HTMLElement;
  body: HTMLElement;
}

function renderFrame(root: HTMLElement): Frame {
  const header = h('div', { class: 'workbench-header' });
  const navigationArea = h('div', { class: 'workbench-navigation-area' });
  const body = h('main', { class: 'workbench-body' });
  const toasts = h('div', { class: 'slds-notify_container workbench-toasts' });
  root.replaceChildren(header, navigationArea, body, toasts);
  installNotices(toasts, navigationArea);
  return { header, navigationArea, body };
}

function switchLinks(
  label: string,
  options: { label: string; href: string; current: boolean }[],
): HTMLElement {
  return h(
    'div',
    { class: 'workbench-switch' },
    h('span', { class: 'workbench-switch__label' }, `${label}:`),
    h(
      'ul',
      { class: 'slds-list_horizontal slds-has-dividers_left', 'aria-label': label },
      options.map((option) =>
        h(
          'li',
          { class: 'slds-item' },
          option.current
            ? h('strong', { 'aria-current': 'page' }, option.label)
            : h('a', { href: option.href }, option.label),
        ),
      ),
    ),
  );
}

function renderHeader(
  frame: Frame,
  state: PageState,
  datasets: DatasetSummary[],
  org: SampleOrg | undefined,
  userKey: string | undefined,
): void {
  const locale = localeOf(state);
  const title = state.component
    ? (COMPONENTS.find((c) => c.tag === state.component)?.title ?? state.component)
    : 'Index';
  frame.header.replaceChildren(
    h(
      'header',
      { class: 'slds-global-header_container workbench-global-header' },
      h(
        'div',
        { class: 'slds-global-header slds-grid slds-grid_align-spread slds-grid_vertical-align-center' },
        h(
          'div',
          { class: 'slds-global-header__item slds-grid slds-grid_vertical-align-center' },
          h(
            'a',
            { href: pageUrl({ locale: state.locale }), class: 'workbench-brand' },
            'Account Relationships Workbench',
          ),
          h('span', { class: 'slds-m-left_small slds-text-color_weak' }, `/ ${title}`),
        ),
        h(
          'div',
          { class: 'slds-global-header__item workbench-switches' },
          switchLinks(
            'Dataset',
            datasets.map((d) => ({
              label: d.name,
              href: pageUrl({
                component: state.component,
                locale: state.locale,
                latency: state.latency,
                dataset: d.name,
              }),
              current: d.name === org?.name,
            })),
          ),
          org
            ? switchLinks(
                'User',
                org.users.map((u) => ({
                  label: `${u.name} (${u.key})`,
                  href: pageUrl({ ...state, user: u.key }),
                  current: u.key === userKey,
                })),
              )
            : null,
          switchLinks(
            'Locale',
            WORKBENCH_LOCALES.map((l) => ({
              label: LOCALE_NAMES[l] ?? l,
              href: pageUrl({ ...state, locale: l }),
              current: l === locale,
            })),
          ),
        ),
      ),
    ),
  );
}

function renderMessage(frame: Frame, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const links = error instanceof PageError ? error.links : [];
  frame.body.replaceChildren(
    h(
      'div',
      { class: 'slds-card workbench-message' },
      h(
        'div',
        { class: 'slds-card__body slds-card__body_inner' },
        h(
          'div',
          { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' },
          h('h2', {}, message),
        ),
        links.length
          ? h(
              'ul',
              { class: 'slds-list_dotted slds-m-top_medium' },
              links.map((link) => h('li', {}, h('a', { href: link.href }, link.label))),
            )
          : null,
      ),
    ),
  );
  Object.assign(window.__workbench, { view: 'error', error: message, ready: true });
}

function renderIndex(frame: Frame, state: PageState, datasets: DatasetSummary[]): void {
  const componentLink = (component: WorkbenchComponent, dataset: string): HTMLElement | null => {
    const recordId = component.sampleRecords?.[dataset];
    if (component.needsRecord && !recordId) return null;
    return h(
      'li',
      { class: 'slds-item' },
      h(
        'a',
        { href: pageUrl({ component: component.tag, dataset, recordId, locale: state.locale }) },
        component.title,
      ),
    );
  };
  frame.body.replaceChildren(
    h(
      'div',
      { class: 'slds-grid slds-wrap slds-gutters' },
      h(
        'section',
        { class: 'slds-col slds-size_1-of-1 slds-large-size_1-of-3' },
        h(
          'article',
          { class: 'slds-card' },
          h(
            'div',
            { class: 'slds-card__header' },
            h('h2', { class: 'slds-card__header-title' }, 'Components'),
          ),
          h(
            'div',
            { class: 'slds-card__body slds-card__body_inner' },
            h(
              'ul',
              { class: 'slds-has-dividers_bottom-space' },
              COMPONENTS.map((c) =>
                h(
                  'li',
                  { class: 'slds-item' },
                  h('a', { href: pageUrl({ component: c.tag, locale: state.locale }) }, c.title),
                  h('span', { class: 'slds-text-color_weak' }, ` <${c.tag}> — ${c.description}`),
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'slds-col slds-size_1-of-1 slds-large-size_2-of-3' },
        h(
          'article',
          { class: 'slds-card' },
          h('div', { class: 'slds-card__header' }, h('h2', { class: 'slds-card__header-title' }, 'Datasets')),
          h(
            'div',
            { class: 'slds-card__body slds-card__body_inner' },
            datasets.length === 0 ? h('p', {}, 'No datasets found (data/<name>/<name>-plan.json).') : null,
            h(
              'ul',
              { class: 'slds-has-dividers_bottom-space' },
              datasets.map((d) =>
                h(
                  'li',
                  { class: 'slds-item' },
                  h('h3', { class: 'slds-text-heading_small' }, d.name),
                  h('p', { class: 'slds-text-color_weak' }, d.description),
                  h(
                    'ul',
                    { class: 'slds-list_horizontal slds-has-dividers_left' },
                    COMPONENTS.map((c) => componentLink(c, d.name)),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  Object.assign(window.__workbench, { view: 'index', ready: true });
}

const OBJECT_ICONS: Record<string, string> = {
  Account: 'standard:account',
  Contact: 'standard:contact',
  User: 'standard:user',
  Opportunity: 'standard:opportunity',
  Case: 'standard:case',
};

function recordHeader(objectApiName: string, name: string): HTMLElement {
  const icon = OBJECT_ICONS[objectApiName] ?? 'standard:record';
  const [, symbol] = icon.split(':');
  return h(
    'div',
    { class: 'slds-page-header slds-page-header_record-home workbench-record-header' },
    h(
      'div',
      { class: 'slds-page-header__row' },
      h(
        'div',
        { class: 'slds-page-header__col-title' },
        h(
          'div',
          { class: 'slds-media' },
          h(
            'div',
            { class: 'slds-media__figure' },
            h(
              'span',
              { class: `slds-icon_container slds-icon-standard-${symbol}` },
              spriteIcon(icon, 'slds-icon slds-page-header__icon'),
            ),
          ),
          h(
            'div',
            { class: 'slds-media__body' },
            h('span', { class: 'slds-page-header__name-meta' }, objectApiName),
            h('h1', { class: 'slds-page-header__title slds-truncate' }, name),
          ),
        ),
      ),
    ),
  );
}

/** The header of a Lightning App or Home page: the page's name as its one level-one heading. */
function appPageHeader(title: string): HTMLElement {
  return h(
    'div',
    { class: 'slds-page-header workbench-record-header' },
    h(
      'div',
      { class: 'slds-page-header__row' },
      h(
        'div',
        { class: 'slds-page-header__col-title' },
        h('h1', { class: 'slds-page-header__title slds-truncate' }, title),
      ),
    ),
  );
}

async function renderComponent(frame: Frame, state: PageState, datasets: DatasetSummary[]): Promise<void> {
  const datasetLinks = datasets.map((d) => ({
    label: d.name,
    href: pageUrl({ ...state, dataset: d.name, user: undefined, recordId: undefined }),
  }));
  const component = COMPONENTS.find((c) => c.tag === state.component);
  if (!component) {
    throw new PageError(
      `Unknown component "${state.component}". The workbench has: ${COMPONENTS.map((c) => c.tag).join(', ')}.`,
      COMPONENTS.map((c) => ({ label: c.tag, href: pageUrl({ ...state, component: c.tag }) })),
    );
  }
  const datasetName =
    state.dataset ?? (datasets.some((d) => d.name === DEFAULT_DATASET) ? DEFAULT_DATASET : datasets[0]?.name);
  if (!datasetName || !datasets.some((d) => d.name === datasetName)) {
    renderHeader(frame, state, datasets, undefined, undefined);
    throw new PageError(`Unknown dataset "${datasetName ?? ''}".`, datasetLinks);
  }
  const bundle = await fetchJson<DatasetBundle>(`/api/datasets/${encodeURIComponent(datasetName)}`);
  let org: SampleOrg;
  try {
    org = new SampleOrg(bundle);
  } catch (error) {
    throw new PageError(
      `Dataset "${datasetName}" cannot be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const userKey = state.user ?? org.defaultUserKey;
  const user = org.user(userKey);
  renderHeader(frame, state, datasets, org, user?.key);
  if (!user) {
    throw new PageError(
      `Unknown user "${userKey}" in dataset "${datasetName}".`,
      org.users.map((u) => ({ label: `${u.name} (${u.key})`, href: pageUrl({ ...state, user: u.key }) })),
    );
  }
  if (state.locale && localeOf(state) !== state.locale) {
    throw new PageError(
      `Unknown locale "${state.locale}".`,
      WORKBENCH_LOCALES.map((l) => ({ label: l, href: pageUrl({ ...state, locale: l }) })),
    );
  }

  let recordId: string | undefined;
  let pageReference: PageReference = {
    type: 'standard__navItemPage',
    attributes: { apiName: 'Workbench' },
    state: {},
  };
  let header = appPageHeader(component.title);
  if (state.recordId && (component.needsRecord || component.acceptsRecordId)) {
    recordId = org.resolveId(state.recordId);
    const record = recordId ? org.record(recordId) : undefined;
    if ((!recordId || !record) && toApexId(state.recordId) === undefined) {
      // Neither a record Id nor a referenceId: the component gets the text as it is, so that the
      // workbench shows what the platform does with an Id parameter that is not an Id (refused
      // before any Apex runs) and what the component says about it.
      recordId = state.recordId;
    } else if (!recordId || !record) {
      throw new PageError(`Unknown record "${state.recordId}" in dataset "${datasetName}".`, [
        { label: 'Open without a record', href: pageUrl({ ...state, recordId: undefined }) },
      ]);
    }
    const objectApiName = record?.attributes.type ?? '';
    pageReference = {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName, actionName: 'view' },
      state: {},
    };
    header = recordHeader(objectApiName, typeof record?.Name === 'string' ? record.Name : recordId);
  } else if (component.needsRecord) {
    throw new PageError(
      `<${component.tag}> goes on a record page: add recordId=<Id or referenceId> to the URL.`,
    );
  }

  setWorkbenchContext({
    org,
    user,
    describe: org.describeFor(user),
    locale: localeOf(state),
    pageReference,
    latencyMs: latencyOf(state),
    recordUrl: (id) => pageUrl({ ...state, recordId: id }),
  });
  // The sample org's Queueable transactions so far (runs of "apply a default team"), for the bench.
  window.__workbench.asyncApexTransactions = () => [...asyncApexOf(org).transactions];
  window.__workbench.runAs = (otherUserKey, method, params = {}) => {
    const other = org.user(otherUserKey);
    if (!other) return Promise.reject(new Error(`Workbench: no user ${otherUserKey} in ${org.name}`));
    try {
      // The same org instance as the component's calls: what the other user saves, the page meets.
      const result = invokeApex(method, overTheWire(params), {
        org,
        user: other,
        describe: org.describeFor(other),
        label,
      });
      return Promise.resolve(apexResultOverTheWire(result));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  Object.assign(window.__workbench.page, {
    dataset: org.name,
    userKey: user.key,
    userId: user.id,
    locale: localeOf(state),
    recordId,
    component: component.tag,
  });

  const load = componentLoaders[component.module];
  if (!load) throw new PageError(`No loader for ${component.module}: rebuild the workbench.`);
  const module = await load();
  const element = createElement(component.tag, {
    is: module.default as Parameters<typeof createElement>[1]['is'],
  }) as HTMLElement & { recordId?: string };
  Object.assign(element, componentProperties());
  if (recordId) element.recordId = recordId;

  frame.body.replaceChildren(
    h(
      'div',
      { class: 'workbench-page' },
      header,
      h('div', { class: 'workbench-region', 'data-component': component.tag }, element),
    ),
  );
  Object.assign(window.__workbench, { view: 'component', ready: true });
}

export async function start(root: HTMLElement): Promise<void> {
  const state = readPageState();
  window.__workbench = {
    ready: false,
    view: 'loading',
    error: null,
    navigations: [],
    toasts: [],
    apexCalls: [],
    page: {},
  };
  document.documentElement.lang = localeOf(state).replace('_', '-');
  const frame = renderFrame(root);
  try {
    const datasets = await fetchJson<DatasetSummary[]>('/api/datasets');
    renderHeader(frame, state, datasets, undefined, undefined);
    if (!state.component) {
      document.title = 'Workbench — Account Relationships';
      renderIndex(frame, state, datasets);
    } else {
      document.title = `${state.component} — Workbench`;
      await renderComponent(frame, state, datasets);
    }
  } catch (error) {
    if (!(error instanceof PageError)) console.error(error);
    renderMessage(frame, error);
  }
}
