/**
 * Hierarchy roll-ups: the total of each number and currency column over every account's subtree
 * (the account and everything loaded below it), as `HierarchyTree.rollup` and the CSV export show.
 * Kept in typed arrays indexed by each account's `seq`, and kept up to date as accounts arrive: an
 * account that joins the tree adds its values to itself and to each of its ancestors (`add`, as deep as
 * the account), so a page of new rows costs what it brings, not a pass over every account loaded.
 * `compute` does the whole pass, bottom-up, when the tree asks for it (very deep rows, see
 * HierarchyTree).
 *
 * Part of `c/hierarchyModel` (import it from there); pure TypeScript, no DOM, no platform imports.
 */
import type { HierarchyColumn, HierarchyRow } from '@contract';

/** Column types whose values add up. Percent is left out on purpose: a sum of percentages means nothing. */
const ROLLABLE_TYPES: ReadonlySet<HierarchyColumn['type']> = new Set(['number', 'currency']);

/** Room for this many accounts before the arrays first grow. */
const INITIAL_SLOTS = 1024;

/** Whether a column gets subtree totals (`rollup`, and a total column in the CSV). */
export function isRollable(column: HierarchyColumn): boolean {
  return ROLLABLE_TYPES.has(column.type);
}

/** What a roll-up reads of an account in the tree. */
export interface RollupNode {
  /** The account's slot in the totals (the virtual root is 0). */
  readonly seq: number;
  readonly parent: RollupNode | null;
  readonly row: HierarchyRow;
}

/** Subtree sums of the rollable columns, by column (in `columns` order), then by node `seq`. */
export class HierarchyRollups {
  /** The number and currency columns, in column order. */
  readonly columns: readonly HierarchyColumn[];
  /** Per rollable column: subtree sums and whether any value was found, by node `seq`. */
  private sums: Float64Array[] = [];
  private found: Uint8Array[] = [];

  constructor(columns: readonly HierarchyColumn[]) {
    this.columns = columns.filter(isRollable);
    this.sums = this.columns.map(() => new Float64Array(INITIAL_SLOTS));
    this.found = this.columns.map(() => new Uint8Array(INITIAL_SLOTS));
  }

  /**
   * Counts an account that just joined the tree (its ancestors already in it): its values go to its own
   * total and to every ancestor's.
   */
  add(node: RollupNode): void {
    this.ensureSlots(node.seq + 1);
    this.columns.forEach((column, index) => {
      const value = node.row.values[column.fieldPath];
      const sums = this.sums[index];
      const found = this.found[index];
      if (typeof value !== 'number' || !Number.isFinite(value) || !sums || !found) {
        return;
      }
      for (let at: RollupNode | null = node; at !== null; at = at.parent) {
        sums[at.seq] = (sums[at.seq] ?? 0) + value;
        found[at.seq] = 1;
      }
    });
  }

  /** Grows the arrays (doubling) so that `slots` seqs fit. */
  private ensureSlots(slots: number): void {
    const capacity = this.sums[0]?.length ?? slots;
    if (slots <= capacity) {
      return;
    }
    const grown = Math.max(slots, capacity * 2);
    this.sums = this.sums.map((old) => {
      const sums = new Float64Array(grown);
      sums.set(old);
      return sums;
    });
    this.found = this.found.map((old) => {
      const found = new Uint8Array(grown);
      found.set(old);
      return found;
    });
  }

  /**
   * One bottom-up pass per column over all rows (reverse preorder: children before their parent).
   * @param preorder every account in preorder (the virtual root left out)
   * @param slots the number of seqs in use (the highest `seq` plus one)
   */
  compute(preorder: readonly RollupNode[], slots: number): void {
    this.sums = [];
    this.found = [];
    for (const column of this.columns) {
      const sums = new Float64Array(slots);
      const found = new Uint8Array(slots);
      for (let i = preorder.length - 1; i >= 0; i--) {
        const node = preorder[i];
        if (node === undefined) {
          continue;
        }
        const value = node.row.values[column.fieldPath];
        if (typeof value === 'number' && Number.isFinite(value)) {
          sums[node.seq] = (sums[node.seq] ?? 0) + value;
          found[node.seq] = 1;
        }
        const parentSeq = node.parent?.seq ?? 0;
        if (found[node.seq] === 1) {
          sums[parentSeq] = (sums[parentSeq] ?? 0) + (sums[node.seq] ?? 0);
          found[parentSeq] = 1;
        }
      }
      this.sums.push(sums);
      this.found.push(found);
    }
  }

  /** The sum of the `column`-th rollable column over the subtree of the node `seq`; null when no value. */
  of(seq: number, column: number): number | null {
    return this.found[column]?.[seq] === 1 ? (this.sums[column]?.[seq] ?? null) : null;
  }
}
