/**
 * Role picker: a searchable list of role options to choose from, as checkboxes (several roles) or as
 * radio buttons (`multiple` false: one role, for bulk "add role" / "remove role"). Used in a grid cell
 * for inline role edits (with Save / Cancel), inside the add dialog (without them) and for bulk actions.
 *
 * Keyboard: Arrow Down / Up move between the search box and the options, Space toggles an option,
 * Enter saves and Escape cancels (only with the actions shown; otherwise both go on to the container,
 * e.g. Escape closes the add dialog). Keys the picker handles stop here, since the grid around it uses
 * them too.
 *
 * A selected value that is no longer an option (an inactive picklist value) stays listed, checked and
 * marked inactive, so saving never drops a role silently.
 */
import { LightningElement, api } from 'lwc';
import type { RoleBadgeColor, RoleOption } from '@contract';
import { format } from 'c/relationshipStatus';
import { ROLE_BADGE_COLORS } from 'c/roleBadges';
import { matchesQuery } from './roleFilter';

import rolesLabel from '@salesforce/label/c.AR_RelatedContacts_Picker_Roles';
import searchLabel from '@salesforce/label/c.AR_RelatedContacts_Picker_SearchLabel';
import searchPlaceholder from '@salesforce/label/c.AR_RelatedContacts_Picker_SearchPlaceholder';
import inactiveRole from '@salesforce/label/c.AR_RelatedContacts_Picker_Inactive';
import noMatches from '@salesforce/label/c.AR_RelatedContacts_Picker_NoMatches';
import noOptions from '@salesforce/label/c.AR_RelatedContacts_Picker_NoOptions';
import saveLabel from '@salesforce/label/c.AR_RelatedContacts_Picker_Save';
import cancelLabel from '@salesforce/label/c.AR_RelatedContacts_Dialog_Cancel';

/** One row of the list as the template renders it. */
interface PickerRow {
  key: string;
  value: string;
  label: string;
  helpText: string | null;
  checked: boolean;
  inputId: string;
  helpId: string | undefined;
  swatchStyle: string;
}

/** The swatch in the badge's own colours (c/roleBadges), so picker, grid and catalog agree. */
function swatchStyle(color: RoleBadgeColor | null | undefined): string {
  const colors =
    color != null && Object.prototype.hasOwnProperty.call(ROLE_BADGE_COLORS, color)
      ? ROLE_BADGE_COLORS[color]
      : ROLE_BADGE_COLORS.neutral;
  return `background-color: ${colors.background}; border-color: ${colors.text};`;
}

let instanceCount = 0;

export default class RolePicker extends LightningElement {
  /** The group's accessible name, e.g. "Roles of Alan Smith". */
  @api label = '';

  labels = { searchLabel, searchPlaceholder, save: saveLabel, cancel: cancelLabel };

  query = '';

  /** The radio buttons of one picker share a name; two pickers on a page must not. */
  readonly groupName = `role-picker-${String(++instanceCount)}`;

  private optionList: RoleOption[] = [];
  /** The values as given: the ones that are not options are listed as inactive. */
  private givenValues: string[] = [];
  private chosen: string[] = [];
  private isMultiple = true;
  private hasActions = true;

  @api
  get options(): RoleOption[] {
    return this.optionList;
  }
  set options(value: RoleOption[] | null | undefined) {
    this.optionList = Array.isArray(value) ? value : [];
  }

  /** The chosen values, in the options' order (inactive values last, in their given order). */
  @api
  get selected(): string[] {
    return this.ordered(this.chosen);
  }
  set selected(value: string[] | null | undefined) {
    this.givenValues = Array.isArray(value) ? [...value] : [];
    this.chosen = [...this.givenValues];
  }

  // Booleans that default to true are accessors: LWC wants public boolean fields to default to false.
  /** False: one role only (radio buttons). */
  @api
  get multiple(): boolean {
    return this.isMultiple;
  }
  set multiple(value: boolean | null | undefined) {
    this.isMultiple = value !== false;
  }

  /** False: no Save / Cancel buttons, and Enter / Escape are left to the container. */
  @api
  get showActions(): boolean {
    return this.hasActions;
  }
  set showActions(value: boolean | null | undefined) {
    this.hasActions = value !== false;
  }

  /** Puts the focus in the search box (call it when the picker opens). */
  @api
  focus(): void {
    this.searchInput()?.focus();
  }

  get groupLabel(): string {
    return this.label || rolesLabel;
  }

  get inputType(): string {
    return this.isMultiple ? 'checkbox' : 'radio';
  }

  get wrapperClass(): string {
    return this.isMultiple ? 'slds-checkbox option-row' : 'slds-radio option-row';
  }

  get labelClass(): string {
    return this.isMultiple ? 'slds-checkbox__label' : 'slds-radio__label';
  }

  get fauxClass(): string {
    return this.isMultiple ? 'slds-checkbox_faux' : 'slds-radio_faux';
  }

  /** Selected values that are not options (any more): kept, and shown as inactive. */
  get inactiveValues(): string[] {
    const known = new Set(this.optionList.map((option) => option.value));
    return this.givenValues.filter((value) => !known.has(value));
  }

  get rows(): PickerRow[] {
    const chosen = new Set(this.chosen);
    // Ids follow the position among all rows, not the filtered ones, so a row keeps its id while filtering.
    const row = (
      index: number,
      value: string,
      label: string,
      helpText: string | null,
      color: RoleBadgeColor,
    ): PickerRow => ({
      key: value,
      value,
      label,
      helpText,
      checked: chosen.has(value),
      inputId: `option-${String(index)}`,
      helpId: helpText ? `help-${String(index)}` : undefined,
      swatchStyle: swatchStyle(color),
    });
    const rows = this.optionList.map((option, index) =>
      row(index, option.value, option.label, option.helpText?.trim() ?? null, option.badgeColor),
    );
    this.inactiveValues.forEach((value, index) => {
      rows.push(row(this.optionList.length + index, value, format(inactiveRole, value), null, 'neutral'));
    });
    return rows.filter((r) => matchesQuery(r.label, this.query));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  /** Why the list is empty: nothing matches what was typed, or there are no roles at all. */
  get emptyMessage(): string {
    if (this.hasRows) {
      return '';
    }
    return this.query.trim() ? format(noMatches, this.query.trim()) : noOptions;
  }

  handleSearchInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  handleToggle(event: Event): void {
    // The input's own change event stays inside; the picker's `change` carries the whole selection.
    event.stopPropagation();
    const input = event.target as HTMLInputElement;
    const value = input.dataset.value ?? '';
    if (!this.isMultiple) {
      this.chosen = input.checked ? [value] : [];
    } else if (input.checked) {
      this.chosen = this.chosen.includes(value) ? this.chosen : [...this.chosen, value];
    } else {
      this.chosen = this.chosen.filter((v) => v !== value);
    }
    this.dispatchEvent(new CustomEvent('change', { detail: { selected: this.selected } }));
  }

  handleSave(): void {
    this.dispatchEvent(new CustomEvent('save', { detail: { selected: this.selected } }));
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleKeyDown(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        this.moveFocus(event.target as HTMLElement, event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (!this.hasActions) return;
        this.handleSave();
        break;
      case 'Escape':
        if (!this.hasActions) return;
        this.handleCancel();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /** Search box first, then the options in view; the ends do not wrap (like a list box). */
  private moveFocus(from: HTMLElement, step: number): void {
    const stops: HTMLElement[] = [];
    const search = this.searchInput();
    if (search) stops.push(search);
    stops.push(...(this.template?.querySelectorAll<HTMLElement>('input.option') ?? []));
    const index = stops.indexOf(from);
    const next = stops[Math.min(Math.max(index + step, 0), stops.length - 1)];
    next?.focus();
  }

  private searchInput(): HTMLInputElement | null {
    return this.template?.querySelector<HTMLInputElement>('input.search') ?? null;
  }

  private ordered(values: string[]): string[] {
    const set = new Set(values);
    const inOptions = this.optionList.map((option) => option.value).filter((value) => set.has(value));
    const known = new Set(this.optionList.map((option) => option.value));
    return [...inOptions, ...this.givenValues.filter((value) => set.has(value) && !known.has(value))];
  }
}
