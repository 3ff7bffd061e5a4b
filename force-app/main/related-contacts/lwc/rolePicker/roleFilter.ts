/**
 * The role picker's search: a role matches when its label contains what was typed, ignoring case
 * and accents ("econ" finds "Économique", "Decision" finds "decision maker").
 */

/** Lower case without combining marks (NFD splits "é" into "e" and its accent). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Whether `label` matches the typed query; an empty query matches everything. */
export function matchesQuery(label: string, query: string): boolean {
  const folded = foldForSearch(query.trim());
  return folded === '' || foldForSearch(label).includes(folded);
}
