/**
 * Benchmark harness, workbench only (never packaged): an account's relationships in the standard
 * `lightning-datatable`, for `npm run bench` to compare with `c-related-contacts` on the same data in
 * the same run. It reads every page through the same Apex stand-in the grid uses
 * (`RelatedContactsController.loadRelationships`, account mode, 2,000 rows a page), then hands all
 * rows to the datatable at once, with the grid's columns (contact link, title, direct/indirect,
 * roles, active, start, end), sortable, with the selection column (the grid selects rows too).
 *
 * `window.__bench` tells the runner when the data was handed over; `filter(text)` narrows the rows
 * by name, title or email and hands the result over again, as a text filter on top of the datatable
 * would have to (the datatable has none).
 */
import { LightningElement, api } from 'lwc';
import loadRelationships from '@salesforce/apex/RelatedContactsController.loadRelationships';
import type { ContactRelationship } from '@contract';

/** As the grid asks for them (the server's default and largest page). */
const PAGE_SIZE = 2000;

interface TableRow {
  id: string;
  contactUrl: string;
  contactName: string;
  title: string;
  email: string;
  relation: string;
  roles: string;
  isActive: boolean;
  startDate: string;
  endDate: string;
}

interface DatatableBenchHooks {
  rows: number;
  handedAt: number | null;
  filter: (text: string) => void;
}

declare global {
  interface Window {
    __datatableBench?: DatatableBenchHooks;
  }
}

function tableRow(row: ContactRelationship): TableRow {
  return {
    id: row.id,
    contactUrl: `/lightning/r/Contact/${row.contactId}/view`,
    contactName: row.contactName,
    title: row.title ?? '',
    email: row.email ?? '',
    relation: row.isDirect ? 'Direct' : 'Indirect',
    roles: row.roles.join(', '),
    isActive: row.isActive,
    startDate: row.startDate ?? '',
    endDate: row.endDate ?? '',
  };
}

export default class DatatableBench extends LightningElement {
  @api recordId?: string;

  columns = [
    {
      label: 'Contact',
      fieldName: 'contactUrl',
      type: 'url',
      typeAttributes: { label: { fieldName: 'contactName' } },
      sortable: true,
    },
    { label: 'Title', fieldName: 'title', type: 'text', sortable: true },
    { label: 'Relation', fieldName: 'relation', type: 'text', sortable: true },
    { label: 'Roles', fieldName: 'roles', type: 'text', sortable: true },
    { label: 'Active', fieldName: 'isActive', type: 'boolean', sortable: true },
    { label: 'Start', fieldName: 'startDate', type: 'date-local', sortable: true },
    { label: 'End', fieldName: 'endDate', type: 'date-local', sortable: true },
  ];
  data: TableRow[] = [];
  private all: TableRow[] = [];

  override connectedCallback(): void {
    this.load().catch((error: unknown) => {
      console.error(error);
    });
  }

  handleFilter(event: Event): void {
    this.filter((event.target as HTMLInputElement).value);
  }

  private filter(text: string): void {
    const needle = text.trim().toLowerCase();
    this.data = needle
      ? this.all.filter((row) =>
          [row.contactName, row.title, row.email].some((value) => value.toLowerCase().includes(needle)),
        )
      : this.all;
  }

  private async load(): Promise<void> {
    const rows: TableRow[] = [];
    let afterId: string | null = null;
    do {
      // Each page continues after the previous page's cursor.
      const page = await loadRelationships({
        mode: 'account',
        recordIds: [this.recordId ?? ''],
        afterId,
        pageSize: PAGE_SIZE,
      });
      rows.push(...page.rows.map(tableRow));
      afterId = page.nextAfterId ?? null;
    } while (afterId);
    this.all = rows;
    window.__datatableBench = {
      rows: rows.length,
      handedAt: performance.now(),
      filter: (text: string) => {
        this.filter(text);
      },
    };
    this.data = rows;
  }
}
