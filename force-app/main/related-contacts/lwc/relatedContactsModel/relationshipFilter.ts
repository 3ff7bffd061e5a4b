/**
 * Relationship filters: which rows a user sees (current / past / all; direct / indirect; roles,
 * any of; text over the contact's name, title and email) and the count next to each choice.
 *
 * Built for 5,000+ rows per keystroke: each row carries a folded search key made once when the row
 * arrives (`searchKeyOf`), so typing only runs `String.includes` over short strings.
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */
import type { ContactRelationship } from '@contract';
import { foldForSearch } from 'c/hierarchyModel';

/** `current`: active relationships; `past`: ended (inactive) ones; `all`: both. */
export type StatusFilter = 'current' | 'past' | 'all';
export type KindFilter = 'all' | 'direct' | 'indirect';

export interface RelationshipFilter {
  status: StatusFilter;
  kind: KindFilter;
  /** Roles a row must have at least one of; empty: any row. */
  roles: readonly string[];
  /** Words that must all appear in the contact's name, title or email (case and accents ignored). */
  text: string;
}

export const DEFAULT_FILTER: RelationshipFilter = Object.freeze({
  status: 'current',
  kind: 'all',
  roles: Object.freeze([]),
  text: '',
});

/**
 * The count next to each choice: how many rows the choice would show with the other filters as they
 * are (the usual faceted count, so a count never promises rows the choice would not show).
 */
export interface FilterCounts {
  status: Record<StatusFilter, number>;
  kind: Record<KindFilter, number>;
  /** By role value; roles no row has are missing (read with `?? 0`). */
  roles: Record<string, number>;
  /** Rows all filters let through. */
  matching: number;
  total: number;
}

/**
 * A row, the key its text filter searches, and the fields the filters read, copied into one object
 * shape: rows from the server differ in shape (a null field may be absent), and reading them in the
 * per-keystroke loops over thousands of rows would be a megamorphic property access each time.
 */
export interface RelationshipEntry {
  row: ContactRelationship;
  /** Folded (lower case, no accents) name, title and email, separated so no word spans two fields. */
  searchKey: string;
  active: boolean;
  direct: boolean;
  /** The row's roles, each once. */
  roles: readonly string[];
}

/** The entry of a row, made once when the row arrives or changes. */
export function relationshipEntry(
  row: ContactRelationship,
  fields: SearchFields = 'contact',
): RelationshipEntry {
  return {
    row,
    searchKey: searchKeyOf(row, fields),
    active: row.isActive,
    direct: row.isDirect,
    roles: [...new Set(row.roles)],
  };
}

/**
 * What the text filter searches: `contact` (an account's list): the contact's name, title and email;
 * `account` (a contact's list, where those are the same on every row): the account's name.
 */
export type SearchFields = 'contact' | 'account';

export function searchKeyOf(row: ContactRelationship, fields: SearchFields = 'contact'): string {
  return foldForSearch(
    fields === 'account' ? row.accountName : `${row.contactName}\n${row.title ?? ''}\n${row.email ?? ''}`,
  );
}

/** The query's words, folded as the keys are; empty for a blank query. */
export function searchTerms(text: string): string[] {
  return foldForSearch(text)
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

function matchesTerms(key: string, terms: readonly string[]): boolean {
  for (const term of terms) {
    if (!key.includes(term)) return false;
  }
  return true;
}

function matchesStatus(entry: RelationshipEntry, status: StatusFilter): boolean {
  return status === 'all' || (status === 'current') === entry.active;
}

function matchesKind(entry: RelationshipEntry, kind: KindFilter): boolean {
  return kind === 'all' || (kind === 'direct') === entry.direct;
}

function matchesRoles(entry: RelationshipEntry, roles: ReadonlySet<string>): boolean {
  if (roles.size === 0) return true;
  for (const role of entry.roles) {
    if (roles.has(role)) return true;
  }
  return false;
}

/** A filter compiled once for a pass over many rows. */
export class CompiledFilter {
  readonly terms: string[];
  readonly roles: ReadonlySet<string>;

  constructor(readonly filter: RelationshipFilter) {
    this.terms = searchTerms(filter.text);
    this.roles = new Set(filter.roles);
  }

  matches(entry: RelationshipEntry): boolean {
    return (
      matchesStatus(entry, this.filter.status) &&
      matchesKind(entry, this.filter.kind) &&
      matchesRoles(entry, this.roles) &&
      matchesTerms(entry.searchKey, this.terms)
    );
  }

  /** Whether every row this filter lets through, `narrower` lets through too only by its text (typing on). */
  isNarrowedByTextTo(narrower: CompiledFilter): boolean {
    const a = this.filter;
    const b = narrower.filter;
    return (
      a.status === b.status &&
      a.kind === b.kind &&
      a.roles.length === b.roles.length &&
      a.roles.every((role) => this.roles.has(role) && narrower.roles.has(role)) &&
      this.terms.every((term) => narrower.terms.some((longer) => longer.includes(term)))
    );
  }
}

/** The entries the filter lets through, in the given order. */
export function filterEntries(
  entries: readonly RelationshipEntry[],
  filter: CompiledFilter,
): RelationshipEntry[] {
  return entries.filter((entry) => filter.matches(entry));
}

/** The counts of every choice, in one pass. */
export function countFacets(entries: readonly RelationshipEntry[], filter: CompiledFilter): FilterCounts {
  const counts: FilterCounts = {
    status: { current: 0, past: 0, all: 0 },
    kind: { all: 0, direct: 0, indirect: 0 },
    roles: {},
    matching: 0,
    total: entries.length,
  };
  const { status, kind } = filter.filter;
  for (const entry of entries) {
    if (!matchesTerms(entry.searchKey, filter.terms)) continue;
    const s = matchesStatus(entry, status);
    const k = matchesKind(entry, kind);
    const r = matchesRoles(entry, filter.roles);
    if (k && r) {
      counts.status.all++;
      counts.status[entry.active ? 'current' : 'past']++;
    }
    if (s && r) {
      counts.kind.all++;
      counts.kind[entry.direct ? 'direct' : 'indirect']++;
    }
    if (s && k) {
      for (const role of entry.roles) {
        counts.roles[role] = (counts.roles[role] ?? 0) + 1;
      }
      if (r) counts.matching++;
    }
  }
  return counts;
}
