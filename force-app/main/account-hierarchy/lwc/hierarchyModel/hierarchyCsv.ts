/**
 * Hierarchy CSV: the text of `HierarchyTree.toCsv`. UTF-8 BOM (so spreadsheets detect the
 * encoding), CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * are defused. Which accounts, in which order, is the tree's choice.
 *
 * Part of `c/hierarchyModel` (import it from there); pure TypeScript, no DOM, no platform imports.
 */
import type { HierarchyCellValue, HierarchyColumn, HierarchyRow } from '@contract';
import type { HierarchyRollups } from './hierarchyRollups';

export interface CsvOptions {
  /** Export only this account and everything below it; the whole hierarchy when omitted. */
  rootId?: string;
  /** Header texts (custom labels) of the first two columns. */
  header: { level: string; name: string };
  /** Header text of a column's subtree-total column, e.g. `(label) => label + ' (total)'`. */
  rollupHeader: (label: string) => string;
}

/** What a CSV line reads of an account in the tree. */
export interface CsvNode {
  /** 1-based depth (the top is 1). */
  readonly level: number;
  readonly row: HierarchyRow;
  /** The account's slot in the roll-ups. */
  readonly seq: number;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: text a spreadsheet would evaluate (starting with = + - @, tab or CR, and not a
 * plain number) gets a leading apostrophe; cells with a comma, quote or line break are quoted.
 */
export function csvCell(value: HierarchyCellValue): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV of `nodes`, in the order given: level, name, every column, then a subtree total per
 * number/currency column (`rollups`, computed by the caller when there are nodes).
 */
export function hierarchyCsv(
  nodes: readonly CsvNode[],
  columns: readonly HierarchyColumn[],
  rollups: HierarchyRollups,
  { header, rollupHeader }: Pick<CsvOptions, 'header' | 'rollupHeader'>,
): string {
  const lines: string[] = [
    [
      header.level,
      header.name,
      ...columns.map((c) => c.label),
      ...rollups.columns.map((c) => rollupHeader(c.label)),
    ]
      .map(csvCell)
      .join(','),
  ];
  for (const node of nodes) {
    const cells = [String(node.level), csvCell(node.row.name)];
    for (const column of columns) {
      cells.push(csvCell(node.row.values[column.fieldPath] ?? null));
    }
    for (let c = 0; c < rollups.columns.length; c++) {
      cells.push(csvCell(rollups.of(node.seq, c)));
    }
    lines.push(cells.join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
