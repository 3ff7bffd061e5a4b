/**
 * Hierarchy search: the index `HierarchyTree.search` scans. Each account's name and text-column
 * values are folded (case and accents) into one key when it joins the tree; a search is then a few
 * native `indexOf` scans over chunks of keys, whatever the size of the hierarchy. Putting the matches
 * in tree order is the tree's job (it knows the order).
 *
 * Part of `c/hierarchyModel` (import it from there); pure TypeScript, no DOM, no platform imports.
 */
import type { HierarchyRow } from '@contract';

/** Anything but printable ASCII (space to tilde). */
const NOT_PLAIN_ASCII = /[^ -~]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Separates fields in a search key, so that a match never spans two of them. */
const FIELD_SEPARATOR = '\u0001';
/** Separates accounts in the search text, so that a match never spans two of them. */
const RECORD_SEPARATOR = '\u0002';

/** Accounts per search chunk at most, so that no chunk string grows large. */
const SEARCH_CHUNK_SIZE = 1000;

/**
 * The search keys of accounts that joined the tree together (one `addRows`), joined into one string
 * while they are fresh in memory: a search is a few native `indexOf` scans over these strings, and
 * never reads 100,000 accounts scattered over the heap. `starts[i]` is where the key of the account
 * numbered `seqs[i]` begins.
 */
interface SearchChunk {
  readonly text: string;
  readonly starts: Int32Array;
  readonly seqs: Int32Array;
}

/** The accounts a query matched, by `seq`, and how many. */
export interface SearchHits {
  /** 1 at the `seq` of each matching account. */
  readonly matched: Uint8Array;
  readonly count: number;
}

const NO_HITS: SearchHits = { matched: new Uint8Array(0), count: 0 };

/** Lower case without accents: "Société" and "SOCIETE" both become "societe". */
export function foldForSearch(text: string): string {
  // Most names are plain ASCII: skip the (comparatively slow) Unicode normalisation for them.
  return NOT_PLAIN_ASCII.test(text)
    ? text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
    : text.toLowerCase();
}

/**
 * The search keys of the accounts in a tree, each known by its `seq` (1, 2, 3… in order of
 * arrival). Keys are queued as accounts join (`add`) and chunked once per page (`flush`).
 */
export class HierarchySearchIndex {
  /** Field paths of the text columns, searched besides the name. */
  private readonly textColumns: readonly string[];
  private readonly chunks: SearchChunk[] = [];
  /** Search keys and seqs of the rows attached by the running `addRows`, not yet in a chunk. */
  private newKeys: string[] = [];
  private newSeqs: number[] = [];

  constructor(textColumns: readonly string[]) {
    this.textColumns = textColumns;
  }

  /** Queues the account's key; `flush` makes it searchable. */
  add(row: HierarchyRow, seq: number): void {
    this.newSeqs.push(seq);
    this.newKeys.push(this.searchKey(row));
  }

  /** The row's name and text values, folded for search, with a separator that no query contains. */
  private searchKey(row: HierarchyRow): string {
    const key = [foldForSearch(row.name)];
    for (const fieldPath of this.textColumns) {
      const value = row.values[fieldPath];
      if (typeof value === 'string' && value !== '') {
        key.push(foldForSearch(value));
      }
    }
    return key.join(FIELD_SEPARATOR);
  }

  /** Puts the keys of the rows just attached into search chunks. */
  flush(): void {
    const keys = this.newKeys;
    const seqs = this.newSeqs;
    for (let first = 0; first < keys.length; first += SEARCH_CHUNK_SIZE) {
      const count = Math.min(SEARCH_CHUNK_SIZE, keys.length - first);
      const starts = new Int32Array(count);
      let offset = 0;
      for (let i = 0; i < count; i++) {
        starts[i] = offset;
        offset += (keys[first + i]?.length ?? 0) + RECORD_SEPARATOR.length;
      }
      this.chunks.push({
        text: keys.slice(first, first + count).join(RECORD_SEPARATOR),
        starts,
        seqs: Int32Array.from(seqs.slice(first, first + count)),
      });
    }
    this.newKeys = [];
    this.newSeqs = [];
  }

  /**
   * The accounts whose name or a text column contains the query, ignoring case and accents. None
   * for a blank query.
   * @param slots the number of seqs in use (the highest `seq` plus one)
   */
  match(query: string, slots: number): SearchHits {
    const needle = foldForSearch(query.trim());
    if (needle === '' || needle.includes(FIELD_SEPARATOR) || needle.includes(RECORD_SEPARATOR)) {
      return NO_HITS;
    }
    const matched = new Uint8Array(slots);
    let count = 0;
    for (const { text, starts, seqs } of this.chunks) {
      let at = text.indexOf(needle);
      while (at >= 0) {
        const index = lastStartAtOrBefore(starts, at);
        matched[seqs[index] ?? 0] = 1;
        count++;
        // The next match, if any, starts in a later account.
        at = index + 1 < starts.length ? text.indexOf(needle, starts[index + 1]) : -1;
      }
    }
    return { matched, count };
  }
}

/** The index of the last value in the ascending `starts` that is at most `offset` (`starts[0]` is 0). */
function lastStartAtOrBefore(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
