/**
 * Virtualisation and grid keyboard movement: which rows of a long list are in (or just around) the
 * viewport, where to scroll to show a row, and where focus goes for each navigation key (WAI-ARIA grid
 * pattern). Plain arithmetic, so the component renders only a window of rows.
 *
 * Part of `c/relatedContactsModel`; pure TypeScript, no DOM, no platform imports.
 */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered above and below the viewport, so fast scrolling shows no blank band. */
  overscan?: number;
}

/** The rows to render: `first` to `last` (exclusive), clamped to the list. */
export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan = 4,
}: WindowInput): {
  first: number;
  last: number;
} {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const top = Math.min(Math.max(0, Math.floor(scrollTop / rowHeight)), rowCount - 1);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return { first: Math.max(0, top - overscan), last: Math.min(rowCount, top + inView + overscan) };
}

/** The scroll offset that shows row `index` (unchanged when it is in view already). */
export function scrollTopFor(
  index: number,
  { scrollTop, viewportHeight, rowHeight }: Pick<WindowInput, 'scrollTop' | 'viewportHeight' | 'rowHeight'>,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}

/** A cell of the grid: row 0 is the header row, rows 1… the body; columns from 0. */
export interface CellPosition {
  row: number;
  col: number;
}

export interface GridShape {
  /** Body rows (the header row not counted). */
  rowCount: number;
  colCount: number;
  /** Rows PageUp/PageDown move by. */
  pageRows: number;
}

/**
 * Where focus goes for a navigation key, or null for a key that does not move it: arrows move one cell
 * (stopping at the edges), Home/End to the first/last cell of the row (with Ctrl: of the grid),
 * PageUp/PageDown by a page of rows (never into the header row from the body, except by ArrowUp).
 */
export function moveFocus(
  from: CellPosition,
  key: string,
  shape: GridShape,
  ctrlKey = false,
): CellPosition | null {
  const lastRow = shape.rowCount;
  const lastCol = Math.max(0, shape.colCount - 1);
  const clampRow = (row: number): number => Math.min(Math.max(row, 0), lastRow);
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'ArrowRight':
      return { row: from.row, col: Math.min(from.col + 1, lastCol) };
    case 'ArrowLeft':
      return { row: from.row, col: Math.max(from.col - 1, 0) };
    case 'Home':
      return ctrlKey ? { row: Math.min(1, lastRow), col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrlKey ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(Math.max(from.row, 1) + shape.pageRows), col: from.col };
    case 'PageUp':
      return {
        row: from.row === 0 ? 0 : Math.max(Math.min(1, lastRow), from.row - shape.pageRows),
        col: from.col,
      };
    default:
      return null;
  }
}

/** The ids from `anchorId` to `targetId` inclusive, in list order (shift-click); just the target without an anchor. */
export function rangeBetween(ids: readonly string[], anchorId: string | null, targetId: string): string[] {
  const to = ids.indexOf(targetId);
  const from = anchorId === null ? -1 : ids.indexOf(anchorId);
  if (to < 0) return [];
  if (from < 0) return [targetId];
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}
