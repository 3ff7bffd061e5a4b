// Jest stand-in for c/relationshipRemoveDialog (written on another branch).
import { LightningElement, api } from 'lwc';

export const removeDialog = { opened: 0 };

export default class RelationshipRemoveDialog extends LightningElement {
  @api override title = '';
  @api message = '';
  @api confirmLabel = '';
  @api open(): void {
    removeDialog.opened++;
  }
}
