/**
 * Confirms removing (deleting) relationships: the one step that cannot be undone, so the dialog says
 * so (its default message points to ending the relationship instead, which can be undone), puts the focus on
 * Cancel and keeps Tab inside. An SLDS alert dialog, as the add dialog; Escape cancels.
 */
import { LightningElement, api } from 'lwc';
import { focusableIn, trapTab } from 'c/dialogFocus';

import defaultTitle from '@salesforce/label/c.AR_RelatedContacts_RemoveDialog_Title';
import defaultMessage from '@salesforce/label/c.AR_RelatedContacts_RemoveDialog_Message';
import cannotBeUndone from '@salesforce/label/c.AR_RelatedContacts_RemoveDialog_CannotBeUndone';
import defaultConfirm from '@salesforce/label/c.AR_RelatedContacts_RemoveDialog_Confirm';
import cancel from '@salesforce/label/c.AR_RelatedContacts_Dialog_Cancel';

export default class RelationshipRemoveDialog extends LightningElement {
  @api override title = '';
  /** What is removed, e.g. "Remove James Gordan's relationship with Get Cloudy East?" */
  @api message = '';
  @api confirmLabel = '';

  labels = { cannotBeUndone, cancel };

  isOpen = false;
  private focusOnRender = false;
  private returnFocusTo: HTMLElement | null = null;

  @api
  open(): void {
    const focused = document.activeElement;
    this.returnFocusTo = focused instanceof HTMLElement && focused !== document.body ? focused : null;
    this.isOpen = true;
    this.focusOnRender = true;
  }

  get heading(): string {
    return this.title || defaultTitle;
  }

  get text(): string {
    return this.message || defaultMessage;
  }

  get confirmText(): string {
    return this.confirmLabel || defaultConfirm;
  }

  override renderedCallback(): void {
    if (this.isOpen && this.focusOnRender) {
      this.focusOnRender = false;
      // The safe choice has the focus: Enter alone must not delete anything.
      this.template?.querySelector<HTMLElement>('button.cancel')?.focus();
    }
  }

  handleConfirm(): void {
    this.hide();
    this.dispatchEvent(new CustomEvent('confirm'));
  }

  handleCancel(): void {
    this.hide();
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.handleCancel();
      return;
    }
    trapTab(
      event,
      this.template ? focusableIn(this.template) : [],
      this.template?.activeElement ?? null,
      this.template?.querySelector('section') ?? null,
    );
  }

  private hide(): void {
    this.isOpen = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }
}
