// Jest stand-in for c/relationshipAddDialog (written on another branch): records open() calls.
import { LightningElement, api } from 'lwc';
import type { RoleOption } from '@contract';

export const openCalls: { accountId: string; initialRoles: string[] }[] = [];

export default class RelationshipAddDialog extends LightningElement {
  @api accountId = '';
  @api roleOptions: RoleOption[] = [];
  @api initialRoles: string[] = [];
  @api today = '';
  @api open(): void {
    openCalls.push({ accountId: this.accountId, initialRoles: [...this.initialRoles] });
  }
}
