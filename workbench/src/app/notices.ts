/**
 * Shows what the platform would show outside the component: toasts (ShowToastEvent) and, since the
 * workbench does not leave the page, a "Navigated to …" notice for each navigation request.
 */
import type { NavigationRecord } from '../platform/navigation';
import { NAVIGATE_EVENT } from '../platform/navigation';
import type { ShowToastConfig, ToastMessageLink } from '../platform/toast';
import { SHOW_TOAST_EVENT_NAME } from '../platform/toast';
import { h, spriteIcon } from './dom';

const VARIANT_ICONS: Record<string, string> = {
  info: 'utility:info',
  success: 'utility:success',
  warning: 'utility:warning',
  error: 'utility:error',
};

/** `{0}` placeholders in the message are replaced by messageData (strings or links). */
function messageNodes(config: ShowToastConfig): (Node | string)[] {
  const message = config.message ?? '';
  const data = config.messageData ?? [];
  const parts: (Node | string)[] = [];
  let last = 0;
  for (const match of message.matchAll(/\{(\d+)\}/g)) {
    parts.push(message.slice(last, match.index));
    const item: string | ToastMessageLink | undefined = data[Number(match[1])];
    parts.push(typeof item === 'object' ? h('a', { href: item.url }, item.label) : (item ?? match[0]));
    last = match.index + match[0].length;
  }
  parts.push(message.slice(last));
  return parts;
}

function showToast(container: HTMLElement, config: ShowToastConfig): void {
  window.__workbench.toasts.push(JSON.parse(JSON.stringify(config)) as ShowToastConfig);
  const variant = config.variant ?? 'info';
  const mode = config.mode ?? 'dismissible';
  const close = h(
    'button',
    {
      class: 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close',
      title: 'Close',
      type: 'button',
    },
    spriteIcon('utility:close', 'slds-button__icon slds-button__icon_large'),
    h('span', { class: 'slds-assistive-text' }, 'Close'),
  );
  const toast = h(
    'div',
    { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status', 'data-variant': variant },
    h('span', { class: 'slds-assistive-text' }, variant),
    h(
      'span',
      {
        class: `slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top`,
      },
      spriteIcon(VARIANT_ICONS[variant] ?? 'utility:info', 'slds-icon slds-icon_small'),
    ),
    h(
      'div',
      { class: 'slds-notify__content' },
      config.title ? h('h2', { class: 'slds-text-heading_small' }, config.title) : null,
      config.message ? h('p', {}, ...messageNodes(config)) : null,
    ),
    mode === 'pester' ? null : close,
  );
  const remove = (): void => {
    toast.remove();
  };
  close.addEventListener('click', remove);
  container.append(toast);
  // As on the platform: sticky stays, the others go after a few seconds (longer with a link).
  if (mode !== 'sticky') setTimeout(remove, (config.messageData ?? []).length ? 10000 : 5000);
}

function describeNavigation(record: NavigationRecord): string {
  const { type, attributes } = record.pageReference;
  const details = Object.entries(attributes)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return `${type}${details ? ` (${details})` : ''}`;
}

/** Installs the listeners; notices go into `toastContainer` and `navigationArea`. */
export function installNotices(toastContainer: HTMLElement, navigationArea: HTMLElement): void {
  document.addEventListener(SHOW_TOAST_EVENT_NAME, (event) => {
    showToast(toastContainer, (event as CustomEvent<ShowToastConfig | null>).detail ?? {});
  });
  window.addEventListener(NAVIGATE_EVENT, (event) => {
    const record = (event as CustomEvent<NavigationRecord>).detail;
    navigationArea.replaceChildren(
      h(
        'div',
        { class: 'slds-scoped-notification slds-theme_info workbench-navigation', role: 'status' },
        h(
          'p',
          {},
          `Navigated to ${describeNavigation(record)}${record.replace ? ' (replace)' : ''}. `,
          record.url.startsWith('/') ? h('a', { href: record.url }, 'Open it in the workbench') : null,
        ),
      ),
    );
  });
}
