/**
 * Benchmark harness, workbench only (never packaged): the same hierarchy in the standard
 * `lightning-tree-grid`, for `npm run bench` to compare with `c-account-hierarchy` on the same data
 * in the same run. It loads every page through the same Apex stand-ins, then hands the whole tree
 * to the grid at once (tree-grid cannot take it progressively) with every branch expanded.
 *
 * `window.__bench` tells the runner when the data was handed over and lets it collapse / expand
 * the top node and expand everything through the grid's own API.
 */
import { LightningElement, api } from 'lwc';
import findTop from '@salesforce/apex/AccountHierarchyController.findTop';
import loadChildren from '@salesforce/apex/AccountHierarchyController.loadChildren';
import { HierarchyLoader } from 'c/hierarchyModel';
import type { HierarchyCellValue, HierarchyRow } from '@contract';

const COLUMNS = ['Type', 'Industry', 'BillingCity', 'Owner.Name', 'AnnualRevenue', 'NumberOfEmployees'];

interface GridRow {
  id: string;
  name: string;
  _children?: GridRow[];
  [field: string]: HierarchyCellValue | GridRow[] | undefined;
}

interface BenchHooks {
  rows: number;
  handedAt: number | null;
  toggleTop: () => void;
  expandAll: () => void;
  collapseAll: () => void;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
  }
}

/** Tree-grid field names cannot hold a dot. */
const fieldName = (path: string): string => path.replace(/\./g, '_');

export default class TreeGridBench extends LightningElement {
  @api recordId?: string;

  columns = [
    { type: 'text', fieldName: 'name', label: 'Account Name' },
    ...COLUMNS.map((path) => ({
      type: path === 'AnnualRevenue' ? 'currency' : path === 'NumberOfEmployees' ? 'number' : 'text',
      fieldName: fieldName(path),
      label: path,
    })),
  ];
  data: GridRow[] = [];
  expandedRows: string[] = [];
  private parentIds: string[] = [];
  private topId = '';

  override connectedCallback(): void {
    this.load().catch((error: unknown) => {
      console.error(error);
    });
  }

  private async load(): Promise<void> {
    const recordId = this.recordId ?? '';
    let startFromId: string | null = null;
    let top: HierarchyRow | undefined;
    const pathRows = new Map<string, HierarchyRow>();
    while (!top) {
       
      const result = await findTop({ recordId, columns: COLUMNS, startFromId });
      for (const row of result.rows) pathRows.set(row.id, row);
      top = result.topReached ? pathRows.get(result.topAccountId ?? '') : undefined;
      startFromId = result.nextStartId ?? null;
    }
    // The whole hierarchy, loaded as the viewer loads it (the path came with findTop).
    const rows: HierarchyRow[] = [top, ...[...pathRows.values()].filter((row) => row.id !== top.id)];
    const loader = new HierarchyLoader({ pageSize: 5000, parentBatchSize: 2000, levels: 5 });
    loader.start(top, [...pathRows.keys()].reverse());
    for (let request = loader.nextRequest(); request; request = loader.nextRequest()) {
       
      const page = await loadChildren({ ...request, columns: COLUMNS });
      rows.push(...loader.accept(page).rows);
    }
    const [root, parentIds] = this.nest(rows);
    this.topId = root.id;
    this.parentIds = parentIds;
    window.__bench = {
      rows: rows.length,
      handedAt: performance.now(),
      toggleTop: () => {
        this.expandedRows = this.expandedRows.includes(this.topId)
          ? this.expandedRows.filter((id) => id !== this.topId)
          : [...this.expandedRows, this.topId];
      },
      expandAll: () => {
        this.expandedRows = [...this.parentIds];
      },
      collapseAll: () => {
        this.expandedRows = [];
      },
    };
    this.data = [root];
    this.expandedRows = [...parentIds];
  }

  /** The flat rows as tree-grid wants them: nested `_children`, with every parent's id. */
  private nest(rows: HierarchyRow[]): [GridRow, string[]] {
    const byId = new Map<string, GridRow>();
    for (const row of rows) {
      const gridRow: GridRow = { id: row.id, name: row.name };
      for (const [path, value] of Object.entries(row.values)) {
        gridRow[fieldName(path)] = value;
      }
      byId.set(row.id, gridRow);
    }
    const parents = new Set<string>();
    for (const row of rows.slice(1)) {
      const parent = row.parentId == null ? undefined : byId.get(row.parentId);
      const child = byId.get(row.id);
      if (parent && child) {
        (parent._children ??= []).push(child);
        parents.add(parent.id);
      }
    }
    const root = byId.get(rows[0]?.id ?? '');
    if (!root) {
      throw new Error('no top row');
    }
    return [root, [...parents]];
  }
}
