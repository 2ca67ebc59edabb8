/**
 * Which phrase lists could match a turn at all, from one pass over it: each Korean list carries
 * the literals one of which every match contains (required-literals.ts); a trie of all of them
 * is walked over every turn of a call once, and a list none of whose literals occurs in a turn
 * is not tried there (its regular expressions are most of auto-QA's time, bench/autoqa). Lists
 * without literals are always tried. Built once per compiled scorecard. Pure.
 */
import { NgramIndex } from './ngram-index';

/** The longest literal `requiredLiterals` gives. */
const MAX_LITERAL = 24;

export interface PrefilteredList {
  id: number;
  literals: readonly string[] | null;
}

export class LiteralPrefilter {
  private readonly index = new NgramIndex('chars', [1, MAX_LITERAL]);
  /** Literal id → the lists it belongs to. */
  private readonly listsOf: number[][] = [];
  /** The lists that have literals. */
  private readonly filtered: Int32Array;

  /** `count`: how many lists there are (ids 0 … count - 1). */
  constructor(
    lists: readonly PrefilteredList[],
    readonly count: number,
  ) {
    const filtered: number[] = [];
    for (const list of lists) {
      if (list.literals === null) continue;
      filtered.push(list.id);
      for (const literal of list.literals) {
        const id = this.index.add(literal);
        (this.listsOf[id] ??= []).push(list.id);
      }
    }
    this.filtered = Int32Array.from(filtered);
  }

  /**
   * For turns already normalised (Korean: lower case, no spaces): `possible[turn * count + list]`
   * is 1 when the list could match the turn (one of its literals occurs, or it has none), else 0.
   */
  possible(turns: readonly string[]): Uint8Array {
    const { count } = this;
    const possible = new Uint8Array(turns.length * count).fill(1);
    if (this.filtered.length === 0) return possible;
    const found = this.index.findAll(turns);
    let at = 0;
    for (let k = 0; k < turns.length; k++) {
      const base = k * count;
      for (let f = 0; f < this.filtered.length; f++) possible[base + this.filtered[f]] = 0;
      for (; at < found.ends[k]; at++) {
        const lists = this.listsOf[found.ids[at]];
        for (let l = 0; l < lists.length; l++) possible[base + lists[l]] = 1;
      }
    }
    return possible;
  }
}
