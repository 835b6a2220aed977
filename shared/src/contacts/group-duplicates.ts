/**
 * Groups contacts that belong to the same customer or order, across channels, explaining each link.
 *
 * Indexed, never pairwise: every contact's keys are normalized once and interned (value → id);
 * then, key by key in precedence order (see match-keys.ts), each contact is joined to the first
 * contact seen with the same value, with union-find. A link is recorded only when it joins two
 * groups, so there are at most n − 1 links and each says which shared value joined them.
 * Time is O(total keys · α(n)); memory is a few typed arrays plus one map entry per distinct value.
 */
import {
  extractIdentifiers,
  normalizeCnpj,
  normalizeCpf,
  normalizeEmail,
  normalizeOrderNumber,
  normalizePhone,
} from '../identity';
import { LINKING_KEYS, MIN_ORDER_NUMBER_LENGTH, strongRule, type MatchKey } from './match-keys';
import { commonReason, conflictReason, sameReason } from './messages';
import { UnionFind } from './union-find';

export interface ContactInput {
  id: string;
  channel: string;
  email?: string;
  phone?: string;
  document?: string;
  orderNumbers?: string[];
  /** Free text the customer wrote; identifiers found in it count as keys. */
  text?: string;
  name?: string;
}

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

const KEY_CODES: readonly MatchKey[] = ['order', 'document', 'phone', 'email'];
const ORDER = 0;
const DOCUMENT = 1;
const PHONE = 2;
const EMAIL = 3;

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

/** Distinct key values, one id each, with how many contacts carry them. */
class ValueTable {
  private readonly ids: Map<string, number>[] = [new Map(), new Map(), new Map(), new Map()];
  readonly values: string[] = [];
  readonly kinds: number[] = [];
  readonly counts: IntList;
  /** The last contact that counted the value, so a contact citing it twice counts once. */
  readonly lastContact: IntList;

  constructor(expected: number) {
    this.counts = new IntList(expected);
    this.lastContact = new IntList(expected);
  }

  /** The value's id, or -1 when this contact already has it. */
  add(kind: number, value: string, contact: number): number {
    const map = this.ids[kind] as Map<string, number>;
    let id = map.get(value);
    if (id === undefined) {
      id = this.values.length;
      map.set(value, id);
      this.values.push(value);
      this.kinds.push(kind);
      this.counts.push(0);
      this.lastContact.push(-1);
    } else if (this.lastContact.data[id] === contact) {
      return -1;
    }
    this.lastContact.data[id] = contact;
    this.counts.data[id] = (this.counts.data[id] as number) + 1;
    return id;
  }
}

/** Normalizes every contact's keys into (contact, value id) entries. */
function indexContacts(contacts: readonly ContactInput[]) {
  const n = contacts.length;
  const table = new ValueTable(n * 2);
  const entryContact = new IntList(n * 2);
  const entryValue = new IntList(n * 2);
  /** The CPF of the contact's own document field, as a value id; -1 when none. */
  const contactCpf = new Int32Array(n).fill(-1);

  let current = 0;
  const add = (kind: number, value: string): number => {
    const id = table.add(kind, value, current);
    if (id >= 0) {
      entryContact.push(current);
      entryValue.push(id);
    }
    return id;
  };
  const addOrder = (value: string) => {
    if (value.length >= MIN_ORDER_NUMBER_LENGTH) add(ORDER, value);
  };

  for (let i = 0; i < n; i++) {
    current = i;
    const c = contacts[i] as ContactInput;
    if (c.orderNumbers) {
      for (const raw of c.orderNumbers) {
        if (typeof raw !== 'string') continue;
        const order = normalizeOrderNumber(raw, c.channel);
        if (order) addOrder(order.normalized);
      }
    }
    if (c.document) {
      const cpf = normalizeCpf(c.document);
      const doc = cpf ?? normalizeCnpj(c.document);
      if (doc) {
        const id = add(DOCUMENT, doc);
        if (cpf) contactCpf[i] = id >= 0 ? id : contactCpf[i]!;
      }
    }
    if (c.phone) {
      const phone = normalizePhone(c.phone);
      if (phone && !phone.weak) add(PHONE, phone.e164);
    }
    if (c.email) {
      const email = normalizeEmail(c.email);
      if (email && !email.weak) add(EMAIL, email.email);
    }
    if (c.text) {
      const found = extractIdentifiers(c.text);
      for (const o of found.orderNumbers) addOrder(o);
      for (const d of found.documents) add(DOCUMENT, d);
      for (const p of found.phones) add(PHONE, p);
      for (const e of found.emails) if (normalizeEmail(e)?.weak === false) add(EMAIL, e);
    }
  }
  return { table, entryContact, entryValue, contactCpf };
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

export function groupDuplicateContacts(
  contacts: readonly ContactInput[],
  options: GroupingOptions = {},
): DuplicateResult {
  const n = contacts.length;
  const { table, entryContact, entryValue, contactCpf } = indexContacts(contacts);
  const sets = new UnionFind(n);
  /** CPF of each group, kept on its root. */
  const groupCpf = contactCpf;
  const links: DuplicateLink[] = [];
  const conflicts: DuplicateConflict[] = [];
  const ignored: IgnoredValue[] = [];
  const firstContact = new Int32Array(table.values.length).fill(-1);
  const counts = table.counts.data;

  for (const key of LINKING_KEYS) {
    const kind = KEY_CODES.indexOf(key);
    const rule = strongRule(key);
    const commonAbove = options.commonAbove?.[key] ?? rule.commonAbove ?? Infinity;
    const guardCpf = rule.yieldsToDifferentCpf === true;
    for (let e = 0; e < entryValue.length; e++) {
      const v = entryValue.data[e] as number;
      if (table.kinds[v] !== kind) continue;
      const count = counts[v] as number;
      if (count < 2) continue;
      const contact = entryContact.data[e] as number;
      if (count > commonAbove) {
        if (firstContact[v] === -1) {
          firstContact[v] = contact;
          const value = table.values[v] as string;
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
      const first = firstContact[v] as number;
      if (first === -1) {
        firstContact[v] = contact;
        continue;
      }
      const ra = sets.find(first);
      const rb = sets.find(contact);
      if (ra === rb) continue;
      const value = table.values[v] as string;
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
