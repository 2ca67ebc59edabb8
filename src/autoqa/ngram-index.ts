/**
 * The n-grams some text models know, as a trie over characters (Korean) or words (English), so
 * finding them in a turn allocates no substring per position: auto-QA reads every customer turn
 * of every call with it (bench/autoqa). Cuts the text exactly as `countNgrams` in
 * text-model.ts does when a model is trained: lower case; characters with the spaces taken out,
 * or the words of `WORD`. Pure.
 */
export type NgramUnits = 'words' | 'chars';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The n-gram's id when the path to here is a known n-gram, else -1. */
  id: number;
}

export const WORD = /[\p{L}\p{N}']+/gu;
const SPACES = /\s+/g;

export class NgramIndex {
  private readonly root: TrieNode = { next: new Map(), id: -1 };
  /** Words analyzer: each known word's number (the trie walks word numbers). */
  private readonly words = new Map<string, number>();
  /** The n-grams, by id. */
  readonly grams: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(
    readonly units: NgramUnits,
    readonly range: readonly [number, number],
  ) {}

  /** The id of a known n-gram, adding it when new. */
  add(gram: string): number {
    const known = this.ids.get(gram);
    if (known !== undefined) return known;
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

  /** The ids of the known n-grams in one turn, once per occurrence. */
  find(turn: string): number[] {
    const units = this.unitsOfTurn(turn);
    const [min, max] = this.range;
    const found: number[] = [];
    for (let i = 0; i < units.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let n = 1; n <= max && i + n <= units.length; n++) {
        node = node.next.get(units[i + n - 1]);
        if (node === undefined) break;
        if (n >= min && node.id >= 0) found.push(node.id);
      }
    }
    return found;
  }

  private unitsOfGram(gram: string): number[] {
    if (this.units === 'chars')
      return Array.from({ length: gram.length }, (_, i) => gram.charCodeAt(i));
    return gram.split(' ').map((w) => {
      let id = this.words.get(w);
      if (id === undefined) {
        id = this.words.size;
        this.words.set(w, id);
      }
      return id;
    });
  }

  private unitsOfTurn(turn: string): ArrayLike<number> {
    const lower = turn.toLowerCase();
    if (this.units === 'chars') {
      const text = lower.replace(SPACES, '');
      const codes = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
      return codes;
    }
    // A word no model knows cannot be part of a known n-gram.
    return (lower.match(WORD) ?? []).map((w) => this.words.get(w) ?? -1);
  }
}
