// Jest stand-in for c/rolePicker (written on another branch): the API the grid uses, no UI.
import { LightningElement, api } from 'lwc';
import type { RoleOption } from '@contract';

export default class RolePicker extends LightningElement {
  @api options: RoleOption[] = [];
  @api selected: string[] = [];
  @api label = '';
  @api multiple = false;
  @api showActions = false;
  @api focus(): void {
    this.dispatchEvent(new CustomEvent('stubfocus'));
  }
}
