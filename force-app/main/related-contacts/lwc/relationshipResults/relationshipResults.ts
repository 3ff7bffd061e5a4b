/**
 * The per-row results of a bulk action (add a role, remove a role, end relationships): how many rows
 * were saved and how many refused, then the refused rows with their reasons, then the saved ones
 * (folded away when there are many, so the reasons stay in view).
 */
import { LightningElement, api } from 'lwc';
import { format, isDone, resultText } from 'c/relationshipStatus';
import type { RelationshipResultStatus } from '@contract';

import defaultTitle from '@salesforce/label/c.AR_RelatedContacts_Results_Title';
import summaryMixed from '@salesforce/label/c.AR_RelatedContacts_Results_Summary';
import summaryAllSaved from '@salesforce/label/c.AR_RelatedContacts_Results_AllSaved';
import summaryNoneSaved from '@salesforce/label/c.AR_RelatedContacts_Results_NoneSaved';
import summaryEmpty from '@salesforce/label/c.AR_RelatedContacts_Results_Empty';
import refusedHeading from '@salesforce/label/c.AR_RelatedContacts_Results_RefusedHeading';
import savedHeading from '@salesforce/label/c.AR_RelatedContacts_Results_SavedHeading';
import showSaved from '@salesforce/label/c.AR_RelatedContacts_Results_ShowSaved';
import hideSaved from '@salesforce/label/c.AR_RelatedContacts_Results_HideSaved';
import contactColumn from '@salesforce/label/c.AR_RelatedContacts_Results_Contact';
import accountColumn from '@salesforce/label/c.AR_RelatedContacts_Results_Account';
import reasonColumn from '@salesforce/label/c.AR_RelatedContacts_Results_Reason';
import resultColumn from '@salesforce/label/c.AR_RelatedContacts_Results_Outcome';
import close from '@salesforce/label/c.AR_RelatedContacts_Dialog_Close';

/** One row's outcome, as the grid reports it after a bulk action. */
export interface RelationshipResultItem {
  /** The relationship's Id. */
  id: string;
  /** The contact's name. */
  name: string;
  accountName?: string | null;
  status: RelationshipResultStatus;
  message?: string | null;
}

/** More saved rows than this are folded away at first. */
export const SAVED_SHOWN_UP_TO = 5;

interface ResultRow {
  key: string;
  name: string;
  accountName: string;
  text: string;
}

export default class RelationshipResults extends LightningElement {
  @api override title = '';

  labels = { contactColumn, accountColumn, reasonColumn, resultColumn, close };

  private items: RelationshipResultItem[] = [];
  private savedExpanded = false;

  @api
  get results(): RelationshipResultItem[] {
    return this.items;
  }
  set results(value: RelationshipResultItem[] | null | undefined) {
    this.items = Array.isArray(value) ? value : [];
    this.savedExpanded = this.doneItems.length <= SAVED_SHOWN_UP_TO;
  }

  get heading(): string {
    return this.title || defaultTitle;
  }

  private get doneItems(): RelationshipResultItem[] {
    return this.items.filter((item) => isDone(item.status));
  }

  private get refusedItems(): RelationshipResultItem[] {
    return this.items.filter((item) => !isDone(item.status));
  }

  get summary(): string {
    const done = this.doneItems.length;
    const refused = this.refusedItems.length;
    if (done === 0 && refused === 0) return summaryEmpty;
    if (refused === 0) return format(summaryAllSaved, done);
    if (done === 0) return format(summaryNoneSaved, refused);
    return format(summaryMixed, done, refused);
  }

  /** The account column only when some row names an account (hierarchy mode). */
  get showAccount(): boolean {
    return this.items.some((item) => item.accountName != null && item.accountName !== '');
  }

  get refusedRows(): ResultRow[] {
    return this.refusedItems.map((item) => this.toRow(item));
  }

  get savedRows(): ResultRow[] {
    return this.doneItems.map((item) => this.toRow(item));
  }

  get hasRefused(): boolean {
    return this.refusedItems.length > 0;
  }

  get hasSaved(): boolean {
    return this.doneItems.length > 0;
  }

  get refusedTitle(): string {
    return format(refusedHeading, this.refusedItems.length);
  }

  get savedTitle(): string {
    return format(savedHeading, this.doneItems.length);
  }

  /** Long lists of saved rows fold; a short one is simply shown. */
  get savedFoldable(): boolean {
    return this.doneItems.length > SAVED_SHOWN_UP_TO;
  }

  get savedShown(): boolean {
    return this.savedExpanded;
  }

  get savedToggleLabel(): string {
    return this.savedExpanded ? hideSaved : format(showSaved, this.doneItems.length);
  }

  get savedToggleExpanded(): string {
    return String(this.savedExpanded);
  }

  get savedToggleIcon(): string {
    return this.savedExpanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  handleToggleSaved(): void {
    this.savedExpanded = !this.savedExpanded;
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private toRow(item: RelationshipResultItem): ResultRow {
    return {
      key: item.id,
      name: item.name,
      accountName: item.accountName ?? '',
      text: resultText(item.status, item.message),
    };
  }
}
