/**
 * What the outcome of one relationship change (`RelationshipResultStatus`) means to a user: whether it
 * was done, and a translated sentence for it. The server's own `message` comes first where it has one
 * (it knows the details, e.g. who changed a row); these texts are the fallback, so a result never shows
 * as a bare status name. Shared by the add dialog, the results summary and the grid's row errors.
 */
import type { RelationshipResultStatus } from '@contract';

import saved from '@salesforce/label/c.AR_RelatedContacts_Outcome_Saved';
import added from '@salesforce/label/c.AR_RelatedContacts_Outcome_Added';
import removed from '@salesforce/label/c.AR_RelatedContacts_Outcome_Removed';
import conflict from '@salesforce/label/c.AR_RelatedContacts_Outcome_Conflict';
import duplicate from '@salesforce/label/c.AR_RelatedContacts_Outcome_Duplicate';
import privateContact from '@salesforce/label/c.AR_RelatedContacts_Outcome_PrivateContact';
import directNotRemovable from '@salesforce/label/c.AR_RelatedContacts_Outcome_DirectNotRemovable';
import notFound from '@salesforce/label/c.AR_RelatedContacts_Outcome_NotFound';
import noAccess from '@salesforce/label/c.AR_RelatedContacts_Outcome_NoAccess';
import failed from '@salesforce/label/c.AR_RelatedContacts_Outcome_Failed';
import { formatLabel } from 'c/ldsUtils';

/** Replaces `{0}`, `{1}`… in a label (the shared `formatLabel`, under the name the dialogs use). */
export const format = formatLabel;

const STATUS_TEXT: Record<RelationshipResultStatus, string> = {
  saved,
  added,
  removed,
  conflict,
  duplicate,
  privateContact,
  directNotRemovable,
  notFound,
  noAccess,
  failed,
};

const DONE: ReadonlySet<RelationshipResultStatus> = new Set(['saved', 'added', 'removed']);

/** Whether the change was made (saved, added, removed); every other status is a refusal. */
export function isDone(status: RelationshipResultStatus): boolean {
  return DONE.has(status);
}

/** The sentence for a status (for a refusal: why), in the user's language. */
export function statusText(status: RelationshipResultStatus): string {
  return STATUS_TEXT[status];
}

/** The server's message when it sent one, else the sentence for the status. */
export function resultText(status: RelationshipResultStatus, message?: string | null): string {
  // A blank message says nothing: the status's sentence does.
  const text = message?.trim() ?? '';
  return text === '' ? statusText(status) : text;
}
