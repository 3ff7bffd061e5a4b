/**
 * Fake but valid-looking Salesforce Ids: the object's key prefix, 12 more characters derived
 * from a stable key (the record's referenceId, or a user key), and the real 3-character
 * case-safe checksum. Deterministic, so a URL or a test can rely on an Id across reloads.
 */
import { objectSchema } from './schema';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** cyrb53: a small, well-spread 53-bit string hash. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function prefixOf(objectApiName: string): string {
  const known = objectSchema(objectApiName)?.keyPrefix;
  if (known) return known;
  // Any other object: a stable 'a'-prefixed one, as custom objects have.
  const n = hash53(objectApiName) % (62 * 62);
  return `a${BASE62[Math.floor(n / 62)]}${BASE62[n % 62]}`;
}

/** The 3-character suffix that turns a 15-character Id into its case-safe 18-character form. */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM.charAt(bits);
  }
  return suffix;
}

/** Whether `value` looks like an 18-character Id with a correct checksum. */
export function isSalesforceId(value: string): boolean {
  return /^[a-zA-Z0-9]{18}$/.test(value) && idChecksum(value.slice(0, 15)) === value.slice(15);
}

/** Hands out Ids, never the same one twice. */
export class IdFactory {
  private readonly used = new Set<string>();

  /** An Id for `key` (e.g. a referenceId) on `objectApiName`; the same inputs give the same Id. */
  idFor(objectApiName: string, key: string): string {
    for (let attempt = 0; ; attempt++) {
      const id = this.candidate(objectApiName, attempt === 0 ? key : `${key}#${attempt}`);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  private candidate(objectApiName: string, key: string): string {
    // 3 prefix + '0Wb' (a recognisable "workbench pod") + 9 hashed characters = 15.
    let n = hash53(`${objectApiName}:${key}`);
    let body = '';
    for (let i = 0; i < 9; i++) {
      body += BASE62.charAt(n % 62);
      n = Math.floor(n / 62);
    }
    const id15 = `${prefixOf(objectApiName)}0Wb${body}`;
    return id15 + idChecksum(id15);
  }
}
