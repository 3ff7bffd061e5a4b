/**
 * The grid's columns: which exist, which the App Builder property and the mode show, and which a narrow
 * (phone) width keeps. A list of keys, so the component, its keyboard handling and aria-colcount agree.
 */
import type { SortColumn } from 'c/relatedContactsModel';

/** Data columns an admin may choose; `select`, `contact` (or `account` in contact mode) and `actions` are always there. */
export type DataColumn = 'title' | 'account' | 'kind' | 'roles' | 'active' | 'startDate' | 'endDate';
export type ColumnKey = 'select' | 'contact' | DataColumn | 'actions';

export const CONFIGURABLE_COLUMNS: readonly DataColumn[] = [
  'title',
  'account',
  'kind',
  'roles',
  'active',
  'startDate',
  'endDate',
];

export const DEFAULT_COLUMNS = CONFIGURABLE_COLUMNS.join(', ');

/** Kept at phone width: who, the roles, and the actions. */
const NARROW: ReadonlySet<ColumnKey> = new Set(['select', 'contact', 'account', 'roles', 'actions']);

/** Column widths (CSS grid tracks). */
export const COLUMN_WIDTH: Readonly<Record<ColumnKey, string>> = {
  select: '2.5rem',
  contact: 'minmax(11rem, 1.6fr)',
  title: 'minmax(8rem, 1fr)',
  account: 'minmax(10rem, 1.5fr)',
  kind: 'minmax(8.5rem, 0.8fr)',
  roles: 'minmax(16rem, 3.2fr)',
  active: 'minmax(5rem, 0.6fr)',
  startDate: 'minmax(8rem, 0.8fr)',
  endDate: 'minmax(8rem, 0.8fr)',
  actions: '3rem',
};

/** Narrower tracks at phone width, where only select, contact (or account), roles and actions show. */
export const NARROW_COLUMN_WIDTH: Readonly<Partial<Record<ColumnKey, string>>> = {
  contact: 'minmax(7rem, 1fr)',
  account: 'minmax(7rem, 1fr)',
  roles: 'minmax(6rem, 1.2fr)',
  actions: '2.5rem',
};

export const SORT_COLUMN_OF: Readonly<Partial<Record<ColumnKey, SortColumn>>> = {
  contact: 'contact',
  title: 'title',
  account: 'account',
  kind: 'kind',
  roles: 'roles',
  active: 'active',
  startDate: 'startDate',
  endDate: 'endDate',
};

/**
 * The columns shown, in order. `configured`: the App Builder property (comma-separated keys; unknown
 * ones ignored). Account mode has no account column (every row is this account); contact mode shows
 * the account first instead of the contact, and no contact fields.
 */
export function shownColumns(
  configured: string | null | undefined,
  mode: 'account' | 'hierarchy' | 'contact',
  narrow: boolean,
): ColumnKey[] {
  const chosen = (configured ?? DEFAULT_COLUMNS)
    .split(',')
    .map((key) => key.trim())
    .filter((key): key is DataColumn => (CONFIGURABLE_COLUMNS as readonly string[]).includes(key));
  const data = chosen.length > 0 ? chosen : [...CONFIGURABLE_COLUMNS];
  let columns: ColumnKey[];
  if (mode === 'contact') {
    columns = ['select', 'account', ...data.filter((key) => key !== 'account' && key !== 'title'), 'actions'];
  } else {
    columns = [
      'select',
      'contact',
      ...data.filter((key) => key !== 'account' || mode === 'hierarchy'),
      'actions',
    ];
  }
  return narrow ? columns.filter((key) => NARROW.has(key)) : columns;
}
