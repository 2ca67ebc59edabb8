/**
 * The n-grams some text models know, as a trie over characters (Korean) or words (English), so
 * finding them in a turn allocates no substring per position: auto-QA reads every customer turn
 * of every call with it, and the literal prefilter every turn (bench/autoqa). Turns are cut by
 * `cutTurn`, as a model's training cuts them (`countNgrams` in text-model.ts). Built with `add`,
 * then frozen into flat arrays on the first `findAll`: a table for the first unit, and each
 * deeper node's children as a list sorted by unit. Pure.
 */
export type NgramUnits = 'words' | 'chars';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The n-gram's id when the path to here is a known n-gram, else -1. */
  id: number;
}

/** The trie as flat arrays (node 0 is the root). */
interface FrozenTrie {
  /** The root's child node for a first unit (a character code or a word number), else 0. */
  first: Int32Array;
  /** Node → its n-gram id, or -1. */
  gram: Int32Array;
  /** Node → where its children start in `unit`/`child`, and how many there are. */
  start: Int32Array;
  count: Int32Array;
  unit: Int32Array;
  child: Int32Array;
}

export const WORD = /[\p{L}\p{N}']+/gu;
const SPACES = /\s+/g;
const CHAR_CODES = 0x10000;

/** Known n-grams found in some turns: their ids, one after another, and where each turn ends. */
export interface FoundNgrams {
  ids: Int32Array;
  /** `ends[k]`: the end (exclusive) of turn k's ids in `ids`. */
  ends: Int32Array;
}

export class NgramIndex {
  private readonly root: TrieNode = { next: new Map(), id: -1 };
  /** Words analyzer: each known word's number (the trie walks word numbers). */
  private readonly words = new Map<string, number>();
  /** The n-grams, by id. */
  readonly grams: string[] = [];
  private readonly ids = new Map<string, number>();
  private frozen: FrozenTrie | null = null;
  /** The units of the turn being read. */
  private scratch = new Int32Array(256);

  constructor(
    readonly units: NgramUnits,
    readonly range: readonly [number, number],
  ) {}

  /** The id of a known n-gram, adding it when new (before the first `find`). */
  add(gram: string): number {
    const known = this.ids.get(gram);
    if (known !== undefined) return known;
    if (this.frozen !== null) throw new Error('the n-gram index is already in use');
    let node = this.root;
    for (const unit of this.unitsOfGram(gram)) {
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map(), id: -1 };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.id = this.grams.length;
    this.grams.push(gram);
    this.ids.set(gram, node.id);
    return node.id;
  }

  idOf(gram: string): number | undefined {
    return this.ids.get(gram);
  }

  /** The known n-grams of several turns, in one pass. */
  findAll(turns: readonly string[]): FoundNgrams {
    const trie = (this.frozen ??= this.freeze());
    const [min, max] = this.range;
    let ids = new Int32Array(64);
    let count = 0;
    const ends = new Int32Array(turns.length);
    for (let k = 0; k < turns.length; k++) {
      const length = this.unitsOfTurn(turns[k]);
      const units = this.scratch;
      for (let i = 0; i < length; i++) {
        const u = units[i];
        let node = u >= 0 && u < trie.first.length ? trie.first[u] : 0;
        for (let n = 1; node !== 0; n++) {
          if (n >= min && trie.gram[node] >= 0) {
            if (count === ids.length) {
              const grown = new Int32Array(count * 2);
              grown.set(ids);
              ids = grown;
            }
            ids[count++] = trie.gram[node];
          }
          if (n === max || i + n >= length) break;
          node = childOf(trie, node, units[i + n]);
        }
      }
      ends[k] = count;
    }
    return { ids: ids.slice(0, count), ends };
  }

  private freeze(): FrozenTrie {
    const nodes: TrieNode[] = [this.root];
    for (let i = 0; i < nodes.length; i++) for (const c of nodes[i].next.values()) nodes.push(c);
    const number = new Map(nodes.map((n, i) => [n, i]));
    const first = new Int32Array(this.units === 'chars' ? CHAR_CODES : this.words.size);
    for (const [unit, child] of this.root.next) first[unit] = number.get(child)!;
    const gram = Int32Array.from(nodes, (n) => n.id);
    const start = new Int32Array(nodes.length);
    const count = new Int32Array(nodes.length);
    const unit: number[] = [];
    const child: number[] = [];
    nodes.forEach((n, i) => {
      start[i] = unit.length;
      count[i] = n.next.size;
      // Sorted by unit, for the binary search of nodes with many children.
      for (const [u, c] of [...n.next].sort((a, b) => a[0] - b[0])) {
        unit.push(u);
        child.push(number.get(c)!);
      }
    });
    return {
      first,
      gram,
      start,
      count,
      unit: Int32Array.from(unit),
      child: Int32Array.from(child),
    };
  }

  private unitsOfGram(gram: string): number[] {
    if (this.units === 'chars') {
      return Array.from({ length: gram.length }, (_, i) => gram.charCodeAt(i));
    }
    return gram.split(' ').map((w) => {
      let id = this.words.get(w);
      if (id === undefined) {
        id = this.words.size;
        this.words.set(w, id);
      }
      return id;
    });
  }

  /** A turn's units, written into `scratch` (grown as needed); returns how many there are. */
  private unitsOfTurn(turn: string): number {
    if (this.units === 'chars') {
      if (this.scratch.length < turn.length) this.scratch = new Int32Array(turn.length * 2);
      const fast = simpleChars(turn, this.scratch);
      if (fast >= 0) return fast;
      const chars = cutTurn(turn, 'chars');
      if (this.scratch.length < chars.length) this.scratch = new Int32Array(chars.length * 2);
      for (let i = 0; i < chars.length; i++) this.scratch[i] = chars[i].charCodeAt(0);
      return chars.length;
    }
    // A word no model knows cannot be part of a known n-gram.
    const words = cutTurn(turn, 'words');
    if (this.scratch.length < words.length) this.scratch = new Int32Array(words.length * 2);
    for (let i = 0; i < words.length; i++) this.scratch[i] = this.words.get(words[i]) ?? -1;
    return words.length;
  }
}

/**
 * The units of a turn, as a model is trained on them and answers with them: lower case, then
 * its characters (code units) with the spaces left out, or its words (`WORD`).
 */
export function cutTurn(turn: string, units: NgramUnits): string[] {
  const lower = turn.toLowerCase();
  if (units === 'words') return lower.match(WORD) ?? [];
  return lower.replace(SPACES, '').split('');
}

/**
 * `cutTurn(turn, 'chars')` as character codes, for a turn made only of ASCII and Hangul
 * syllables (most turns; no string is made); -1 for any other turn.
 */
function simpleChars(turn: string, into: Int32Array): number {
  let n = 0;
  for (let i = 0; i < turn.length; i++) {
    let c = turn.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0xac00 || c > 0xd7a3) return -1;
    } else if (c >= 65 && c <= 90) {
      c += 32;
    } else if (c === 32 || (c >= 9 && c <= 13)) {
      continue;
    }
    into[n++] = c;
  }
  return n;
}

/** A deeper node's child for a unit, else 0: a short scan, or a binary search when there are many. */
function childOf(trie: FrozenTrie, node: number, unit: number): number {
  let lo = trie.start[node];
  let hi = lo + trie.count[node];
  while (hi - lo > 8) {
    const mid = (lo + hi) >>> 1;
    if (trie.unit[mid] < unit) lo = mid + 1;
    else hi = mid + 1; // the child, when there is one, is at mid or before
  }
  for (let j = lo; j < hi; j++) if (trie.unit[j] === unit) return trie.child[j];
  return 0;
}
