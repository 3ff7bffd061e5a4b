/**
 * Keeps keyboard focus inside a modal dialog, as the WAI-ARIA dialog pattern asks: Tab on the last
 * focusable control goes to the first, Shift+Tab on the first to the last. Our dialogs are SLDS
 * markup rather than `lightning/modal` (the workbench may not support it), so they trap focus
 * themselves.
 *
 * Only the dialog's own controls are listed: controls inside child components sit in their shadow
 * trees, between the first and the last, where the browser's own Tab order is already right.
 */

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]';

/** The enabled, tabbable controls of a dialog template, in document order. */
export function focusableIn(root: ParentNode): HTMLElement[] {
  return (
    [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
      .filter(
        (element) =>
          !(element as HTMLButtonElement).disabled &&
          element.getAttribute('tabindex') !== '-1' &&
          !(element instanceof HTMLInputElement && element.type === 'hidden'),
      )
      // Synthetic shadow's querySelectorAll does not keep document order when a child component
      // sits among the matches (seen in Jest): sort, since "first" and "last" are what matter here.
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
  );
}

/**
 * Handles Tab / Shift+Tab at the edges of the dialog. `active` is the focused element as the
 * dialog's template sees it (`this.template?.activeElement ?? null`: a child component's host when focus is
 * inside it); `dialog` is the dialog element, focused when it opens without a control to focus.
 * Returns whether it moved focus.
 */
export function trapTab(
  event: KeyboardEvent,
  controls: HTMLElement[],
  active: Element | null,
  dialog: Element | null,
): boolean {
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (event.key !== 'Tab' || !first || !last) {
    return false;
  }
  let target: HTMLElement | null = null;
  if (active === null || active === dialog) {
    target = event.shiftKey ? last : first;
  } else if (event.shiftKey && active === first) {
    target = last;
  } else if (!event.shiftKey && active === last) {
    target = first;
  }
  if (!target) {
    return false;
  }
  event.preventDefault();
  target.focus();
  return true;
}
