/**
 * Literals a regular expression cannot match without: `requiredLiterals(source)` gives a set of
 * strings such that every match of the pattern contains at least one of them, or null when it
 * cannot tell (a part it does not read, or a pattern that can match without any literal). Auto-QA
 * uses the sets as a prefilter: one pass of a trie of every list's literals over a turn says
 * which lists could match it at all, and only those run their regular expressions
 * (`LiteralPrefilter` in text-match.ts, bench/autoqa). Pure; written for the `u` flag without `i`
 * (Korean lists: the text is lower case, the patterns are used as written).
 *
 * Each part of the pattern is read as: `exact`, the finite set of strings it can consume (when
 * small), and `required`, a set one of which every match of it contains. A sequence joins the
 * exact sets of neighbouring parts ("고객" + "(의)?" + "(부담|책임)" → 고객부담, 고객의부담,
 * 고객책임, 고객의책임) and keeps the most telling set it saw; zero-width parts (lookarounds,
 * anchors) consume the empty string; an alternation needs a set from every branch.
 */

/** The largest exact set kept, and the longest literal. */
const MAX_SET = 200;
const MAX_LENGTH = 24;

interface Part {
  exact: string[] | null;
  required: string[] | null;
}

class Unreadable extends Error {}

export function requiredLiterals(source: string): string[] | null {
  try {
    const reader = new Reader(source);
    const part = reader.disjunction();
    if (reader.at < source.length) return null;
    const set = best([part.required, nonEmpty(part.exact)]);
    return set === null ? null : [...new Set(set)];
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

/** A set usable as required literals: no empty string, none too long. */
function nonEmpty(set: string[] | null): string[] | null {
  if (set === null || set.length === 0) return null;
  return set.every((s) => s.length > 0 && s.length <= MAX_LENGTH) ? set : null;
}

/** The most telling of some candidate sets: the longest shortest literal, then the fewest. */
function best(candidates: (string[] | null)[]): string[] | null {
  let chosen: string[] | null = null;
  let score = -Infinity;
  for (const set of candidates) {
    if (set === null) continue;
    const shortest = Math.min(3, ...set.map((s) => s.length));
    const s = shortest * 1000 - set.length;
    if (s > score) [chosen, score] = [set, s];
  }
  return chosen;
}

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out: string[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.length + y.length > MAX_LENGTH) return null;
      out.push(x + y);
    }
  }
  return out;
}

/** Characters that are syntax where an atom starts; escaped, they and `/` and `-` are themselves. */
const SYNTAX = new Set([...'^$\\.*+?()[]{}|']);

class Reader {
  at = 0;

  constructor(private readonly src: string) {}

  private peek(ahead = 0): string {
    return this.src[this.at + ahead] ?? '';
  }

  private eat(s: string): boolean {
    if (!this.src.startsWith(s, this.at)) return false;
    this.at += s.length;
    return true;
  }

  disjunction(): Part {
    const branches = [this.alternative()];
    while (this.eat('|')) branches.push(this.alternative());
    if (branches.length === 1) return branches[0];
    const exact = branches.every((b) => b.exact !== null)
      ? branches.flatMap((b) => b.exact!)
      : null;
    const sets = branches.map((b) => best([b.required, nonEmpty(b.exact)]));
    const required = sets.every((s) => s !== null) ? sets.flatMap((s) => s) : null;
    return { exact: exact !== null && exact.length <= MAX_SET ? exact : null, required };
  }

  private alternative(): Part {
    const candidates: (string[] | null)[] = [];
    let run: string[] = [''];
    let whole: string[] | null = [''];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.term();
      candidates.push(term.required);
      if (term.exact === null) {
        candidates.push(nonEmpty(run));
        run = [''];
        whole = null;
      } else {
        const joined = product(run, term.exact);
        if (joined === null) {
          // Too many strings: keep what was joined so far, start again from this part.
          candidates.push(nonEmpty(run));
          run = term.exact;
        } else {
          run = joined;
        }
        whole = whole === null ? null : product(whole, term.exact);
      }
    }
    candidates.push(nonEmpty(run));
    return { exact: whole, required: best(candidates) };
  }

  private term(): Part {
    const assertion = this.assertion();
    if (assertion) return { exact: [''], required: null };
    const atom = this.atom();
    return this.quantified(atom);
  }

  /** Zero-width: anchors, word boundaries, lookarounds (their contents are skipped). */
  private assertion(): boolean {
    if (this.eat('^') || this.eat('$') || this.eat('\\b') || this.eat('\\B')) return true;
    for (const open of ['(?<=', '(?<!', '(?=', '(?!']) {
      if (this.eat(open)) {
        this.disjunction();
        if (!this.eat(')')) throw new Unreadable();
        return true;
      }
    }
    return false;
  }

  private quantified(atom: Part): Part {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (m === null) throw new Unreadable();
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return atom;
    }
    this.eat('?'); // lazy or greedy: the same strings
    const atomSet = best([atom.required, nonEmpty(atom.exact)]);
    if (min === 0) {
      return max === 1 && atom.exact !== null
        ? { exact: [...atom.exact, ''], required: null }
        : { exact: null, required: null };
    }
    if (min === 1 && max === 1) return atom;
    return { exact: null, required: atomSet };
  }

  private atom(): Part {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.at++;
      return { exact: null, required: null };
    }
    if (c === '\\') return this.escape();
    if (c === '' || SYNTAX.has(c)) throw new Unreadable();
    const cp = this.src.codePointAt(this.at)!;
    const ch = String.fromCodePoint(cp);
    this.at += ch.length;
    return { exact: [ch], required: null };
  }

  private group(): Part {
    this.at++; // (
    if (this.eat('?:')) {
      // non-capturing
    } else if (this.peek() === '?' && this.peek(1) === '<') {
      const m = /^\?<[\p{L}\p{N}_$]+>/u.exec(this.src.slice(this.at));
      if (m === null) throw new Unreadable();
      this.at += m[0].length;
    } else if (this.peek() === '?') {
      throw new Unreadable(); // modifiers and anything newer
    }
    const inner = this.disjunction();
    if (!this.eat(')')) throw new Unreadable();
    return inner;
  }

  /** `\.` and friends are characters; classes (`\d`, `\p{…}`) and back-references are not read. */
  private escape(): Part {
    this.at++; // backslash
    const c = this.peek();
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (c in simple) {
      this.at++;
      return { exact: [simple[c]], required: null };
    }
    if (c === 'u' || c === 'x') {
      const m = /^(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(
        this.src.slice(this.at),
      );
      if (m === null) throw new Unreadable();
      this.at += m[0].length;
      return { exact: [String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3], 16))], required: null };
    }
    if (/^[dDwWsS]$/.test(c)) {
      this.at++;
      return { exact: null, required: null };
    }
    if (c === 'p' || c === 'P') {
      const m = /^[pP]\{[^}]*\}/.exec(this.src.slice(this.at));
      if (m === null) throw new Unreadable();
      this.at += m[0].length;
      return { exact: null, required: null };
    }
    if (SYNTAX.has(c) || c === '-' || c === '/') {
      this.at++;
      return { exact: [c], required: null };
    }
    throw new Unreadable(); // back-references, \c, \0 …: not read
  }

  /** A class of a few listed characters is an exact set; ranges, negation and escapes are not read. */
  private charClass(): Part {
    this.at++; // [
    const negated = this.eat('^');
    const chars: string[] = [];
    let readable = !negated;
    while (this.peek() !== ']') {
      if (this.peek() === '') throw new Unreadable();
      if (this.peek() === '\\') {
        readable = false;
        this.at += 2;
        if (this.src[this.at - 1] === 'p' || this.src[this.at - 1] === 'P') {
          const end = this.src.indexOf('}', this.at);
          if (end < 0) throw new Unreadable();
          this.at = end + 1;
        }
        continue;
      }
      const cp = this.src.codePointAt(this.at)!;
      const ch = String.fromCodePoint(cp);
      this.at += ch.length;
      if (this.peek() === '-' && this.peek(1) !== ']') {
        readable = false; // a range
        this.at++;
        if (this.peek() === '\\') this.at++;
        const to = String.fromCodePoint(this.src.codePointAt(this.at)!);
        this.at += to.length;
        continue;
      }
      chars.push(ch);
    }
    this.at++; // ]
    return { exact: readable && chars.length > 0 ? [...new Set(chars)] : null, required: null };
  }
}
