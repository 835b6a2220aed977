/**
 * Groups contacts that belong to the same customer or order, across channels, explaining each link.
 *
 * Indexed, never pairwise: every contact's keys are normalized once and counted in a value index;
 * then, key by key in precedence order (see match-keys.ts), each contact is joined to the first
 * contact seen with the same value, with union-find. A link is recorded only when it joins two
 * groups, so there are at most n − 1 links and each says which shared value joined them.
 * Time is O(total keys · α(n)); memory is typed arrays only (about 60 bytes per key), no per-value
 * objects, so a million contacts group in seconds.
 */
import { forEachContactKey, type ContactInput } from './contact-keys';
import { LINKING_KEYS, strongRule, type MatchKey } from './match-keys';
import { commonReason, conflictReason, sameReason } from './reasons';
import { UnionFind } from './union-find';
import { ValueIndex } from './value-index';

export type { ContactInput };

export interface DuplicateLink {
  a: string;
  b: string;
  key: MatchKey;
  /** The shared value, normalized (E.164, 11-digit CPF, order number…). */
  value: string;
  /** pt-BR, e.g. "mesmo pedido 7001234", "mesmo telefone +55 41 99876-5432". */
  reason: string;
  reasonEn: string;
}

/** Two contacts that share a phone or e-mail but not their CPF: kept apart, reported. */
export type DuplicateConflict = DuplicateLink;

/** A value too common to identify a customer (a shop's number, a placeholder): it linked nothing. */
export interface IgnoredValue {
  key: MatchKey;
  value: string;
  contacts: number;
  reason: string;
  reasonEn: string;
}

export interface DuplicateResult {
  /** Groups of two or more contact ids; ids sorted inside each group, groups sorted by first id. */
  groups: string[][];
  links: DuplicateLink[];
  conflicts: DuplicateConflict[];
  ignored: IgnoredValue[];
}

export interface GroupingOptions {
  /** Overrides `commonAbove` of MATCH_KEYS per key. */
  commonAbove?: Partial<Record<MatchKey, number>>;
}

/** An Int32Array that grows by doubling. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

const NO_CPF = -1;
const MANY_CPFS = -2;

function mergedCpf(a: number, b: number): number {
  if (a === NO_CPF) return b;
  if (b === NO_CPF || a === b) return a;
  return MANY_CPFS;
}

function cpfsDiffer(a: number, b: number): boolean {
  return a !== NO_CPF && b !== NO_CPF && (a !== b || a === MANY_CPFS);
}

/** Normalizes every contact's keys into (contact, value id) entries. */
function indexContacts(contacts: readonly ContactInput[]) {
  const n = contacts.length;
  const index = new ValueIndex(n * 2);
  const entryContact = new IntList(n * 2);
  const entryValue = new IntList(n * 2);
  /** The CPF of the contact's own document field, as a value id; NO_CPF when none. */
  const contactCpf = new Int32Array(n).fill(NO_CPF);

  let current = 0;
  const visit = (kind: number, value: string, ownCpf: boolean): void => {
    const id = index.add(kind, value, current);
    if (id < 0) return;
    entryContact.push(current);
    entryValue.push(id);
    if (ownCpf) contactCpf[current] = id;
  };
  for (; current < n; current++) forEachContactKey(contacts[current] as ContactInput, visit);
  return { index, entryContact, entryValue, contactCpf };
}

/** The contact's value of the given kind whose hash key is `key` (re-normalized: links are rare). */
function valueOf(contact: ContactInput, kind: number, key: number): string | undefined {
  let found: string | undefined;
  forEachContactKey(contact, (k, value) => {
    if (found === undefined && k === kind && ValueIndex.keyOf(k, value) === key) found = value;
  });
  return found;
}

export function groupDuplicateContacts(
  contacts: readonly ContactInput[],
  options: GroupingOptions = {},
): DuplicateResult {
  const n = contacts.length;
  const { index, entryContact, entryValue, contactCpf } = indexContacts(contacts);
  const sets = new UnionFind(n);
  /** The CPF of each group, kept on its root (starts as each contact's own). */
  const groupCpf = contactCpf;
  const links: DuplicateLink[] = [];
  const conflicts: DuplicateConflict[] = [];
  const ignored: IgnoredValue[] = [];
  const firstContact = new Int32Array(index.length).fill(-1);
  const { counts, kinds, keys } = index;

  for (let kind = 0; kind < LINKING_KEYS.length; kind++) {
    const key = LINKING_KEYS[kind] as MatchKey;
    const rule = strongRule(key);
    const commonAbove = options.commonAbove?.[key] ?? rule.commonAbove ?? Infinity;
    const guardCpf = rule.yieldsToDifferentCpf === true;
    for (let e = 0; e < entryValue.length; e++) {
      const v = entryValue.data[e] as number;
      if (kinds[v] !== kind) continue;
      const count = counts[v] as number;
      if (count < 2) continue;
      const contact = entryContact.data[e] as number;
      const first = firstContact[v] as number;
      if (first === -1) {
        firstContact[v] = contact;
        if (count > commonAbove) {
          const value = valueOf(contacts[contact] as ContactInput, kind, keys[v] as number) ?? '';
          ignored.push({
            key,
            value,
            contacts: count,
            reason: commonReason('pt-BR', key, value, count),
            reasonEn: commonReason('en', key, value, count),
          });
        }
        continue;
      }
      if (count > commonAbove) continue;
      const ra = sets.find(first);
      const rb = sets.find(contact);
      if (ra === rb) continue;
      // Confirm the shared value (the index compares hashes) and get its text for the reason.
      const value = valueOf(contacts[contact] as ContactInput, kind, keys[v] as number);
      if (value === undefined || valueOf(contacts[first] as ContactInput, kind, keys[v] as number) !== value)
        continue;
      const link: DuplicateLink = {
        a: (contacts[first] as ContactInput).id,
        b: (contacts[contact] as ContactInput).id,
        key,
        value,
        reason: '',
        reasonEn: '',
      };
      if (guardCpf && cpfsDiffer(groupCpf[ra] as number, groupCpf[rb] as number)) {
        link.reason = conflictReason('pt-BR', key, value);
        link.reasonEn = conflictReason('en', key, value);
        conflicts.push(link);
        continue;
      }
      const root = sets.unionRoots(ra, rb);
      groupCpf[root] = mergedCpf(groupCpf[ra] as number, groupCpf[rb] as number);
      link.reason = sameReason('pt-BR', key, value);
      link.reasonEn = sameReason('en', key, value);
      links.push(link);
    }
  }

  return { groups: collectGroups(contacts, sets), links, conflicts, ignored };
}

function collectGroups(contacts: readonly ContactInput[], sets: UnionFind): string[][] {
  const n = contacts.length;
  const roots = new Int32Array(n);
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = sets.find(i);
    roots[i] = r;
    sizes[r] = (sizes[r] as number) + 1;
  }
  const groupOfRoot = new Int32Array(n).fill(-1);
  const groups: string[][] = [];
  for (let i = 0; i < n; i++) {
    const r = roots[i] as number;
    if ((sizes[r] as number) < 2) continue;
    let g = groupOfRoot[r] as number;
    if (g === -1) {
      g = groups.length;
      groupOfRoot[r] = g;
      groups.push([]);
    }
    (groups[g] as string[]).push((contacts[i] as ContactInput).id);
  }
  for (const group of groups) group.sort();
  groups.sort((x, y) =>
    (x[0] as string) < (y[0] as string) ? -1 : (x[0] as string) > (y[0] as string) ? 1 : 0,
  );
  return groups;
}
