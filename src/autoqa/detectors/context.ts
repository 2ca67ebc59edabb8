/**
 * What every detector of one call shares: the turns normalised once, speaker indexes, and
 * per-call memos (phrase-list × turn matches, windows, gaps, negativity, interruptions), so
 * that twenty criteria over sixty turns do each piece of work once.
 */
import type { TranscriptTurn } from '../../transcripts/transcript';
import type {
  AutoQaSourceMetrics,
  CustomerNegativity,
  DetectorOutcome,
  Evidence,
} from '../autoqa.types';
import {
  MatchLanguage,
  type NameSlot,
  normalizeText,
  PhraseMatcher,
  WholeTextMatcher,
} from '../text-match';
import { nameForms, nearlyIncludes } from './name-forms';
import {
  type NegativityScores,
  type NegativitySettings,
  scoreNegativity,
} from './negativity-scores';
import { type CompiledScope, turnsInScope } from './scope';
import { quote } from './wording';
import {
  type CompiledTextModel,
  countFound,
  firstTellingTurn,
  type NgramCounts,
  probabilityOf,
} from '../text-model';
import type { FoundNgrams, NgramIndex } from '../ngram-index';
import type { LiteralPrefilter } from '../literal-prefilter';

export { type NegativityScores, type NegativitySettings } from './negativity-scores';
export { type CompiledScope, compileScope, describeScope, describeWindow } from './scope';
export { plural, quote, QUOTE_LENGTH, round1, seconds } from './wording';

export interface InterruptionSettings {
  overlapMs: number;
  backchannels: WholeTextMatcher;
}

export interface Interruption {
  turn: number;
  overlapMs: number;
}

export interface Gap {
  /** The turn after the silence. */
  turn: number;
  /** When the silence started (the latest end so far). */
  startMs: number;
  ms: number;
}

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

export class CallContext {
  readonly norm: string[];
  /** Indexes of the agent's turns, in order. */
  readonly agentTurns: number[] = [];
  readonly customerTurns: number[] = [];
  /** agentBefore[i] = how many agent turns come before turn i (length n + 1). */
  readonly agentBefore: Int32Array;
  readonly notes: string | null;

  private readonly matchMemo: Uint8Array;
  /** Per (turn, list): 0 when the list cannot match the turn (literal-prefilter.ts). */
  private possible: Uint8Array | null = null;
  private readonly scopes = new Map<string, number[]>();
  private readonly negativity = new Map<string, NegativityScores>();
  private readonly modelAnswers = new Map<CompiledTextModel, number>();
  private readonly ngramsByIndex = new Map<NgramIndex, FoundNgrams>();
  private readonly countsByIndex = new Map<NgramIndex, NgramCounts>();
  private readonly interruptions = new Map<string, Interruption[]>();
  private gapList: Gap[] | null = null;
  private notesNorm: string | null | undefined = undefined;
  private longest = 0;
  private timedChat: boolean | undefined = undefined;
  /** Known names, normalised, in the forms people say them (given name alone too). */
  readonly names: Record<NameSlot, string[]>;
  private readonly squashed = new Map<number, string>();

  constructor(
    readonly turns: readonly TranscriptTurn[],
    readonly language: MatchLanguage,
    readonly channel: 'voice' | 'chat',
    notes: string | null | undefined,
    readonly source: AutoQaSourceMetrics,
    private readonly lists: LiteralPrefilter,
    names: { agent: string[]; company: string[] } = { agent: [], company: [] },
  ) {
    this.names = {
      agent: nameForms(names.agent, language, true),
      company: nameForms(names.company, language, false),
    };
    const n = turns.length;
    this.norm = new Array<string>(n);
    this.agentBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const t = turns[i];
      this.norm[i] = normalizeText(t.text, language);
      this.agentBefore[i] = this.agentTurns.length;
      if (t.speaker === 'agent') this.agentTurns.push(i);
      else if (t.speaker === 'customer') this.customerTurns.push(i);
    }
    this.agentBefore[n] = this.agentTurns.length;
    this.notes = typeof notes === 'string' && notes.trim() !== '' ? notes : null;
    this.matchMemo = new Uint8Array(lists.count * n);
  }

  /** The notes, normalised like the turns (null when there are none). */
  normalizedNotes(): string | null {
    if (this.notesNorm === undefined) {
      this.notesNorm = this.notes === null ? null : normalizeText(this.notes, this.language);
    }
    return this.notesNorm;
  }

  get voice(): boolean {
    return this.channel === 'voice';
  }

  /**
   * Whether the turns carry durations, so gaps between them are silences and overlaps are
   * interruptions: every voice call, and a chat whose messages have an end after their start
   * (most of them; a chat export of send times only has points, where typing is inside the gaps).
   */
  get timed(): boolean {
    if (this.voice) return true;
    if (this.timedChat === undefined) {
      const spans = this.turns.filter((t) => t.endMs > t.startMs).length;
      this.timedChat = this.turns.length > 0 && spans * 2 > this.turns.length;
    }
    return this.timedChat;
  }

  /** Whether the call has known names for the slot. */
  knows(slot: NameSlot): boolean {
    return this.names[slot].length > 0;
  }

  /**
   * Whether turn `i` says a known name for the slot: as written, or with one letter/syllable
   * misheard (names of 3+ Korean syllables or 5+ English letters; spaces ignored).
   */
  mentions(i: number, slot: NameSlot): string | null {
    const forms = this.names[slot];
    if (forms.length === 0) return null;
    let text = this.squashed.get(i);
    if (text === undefined) {
      text = this.norm[i].replace(/[^\p{L}\p{N}]+/gu, '');
      this.squashed.set(i, text);
    }
    for (const name of forms) if (text.includes(name)) return name;
    for (const name of forms) {
      const min = this.language === 'ko' ? 3 : 5;
      if (name.length >= min && nearlyIncludes(text, name)) return name;
    }
    return null;
  }

  /** Whether turn `i` matches the list; each (list, turn) pair is tested at most once a call. */
  matches(matcher: PhraseMatcher, i: number): boolean {
    const slot = matcher.id * this.turns.length + i;
    const known = this.matchMemo[slot];
    if (known !== UNKNOWN) return known === YES;
    if (matcher.id < this.lists.count) {
      this.possible ??= this.lists.possible(this.norm);
      if (this.possible[i * this.lists.count + matcher.id] === 0) {
        this.matchMemo[slot] = NO;
        return false;
      }
    }
    // A list with a bare {company} entry matches the company's known names (aliases included)
    // when the installation has them; its other entries (name-shaped patterns) stand in only
    // when it has none. Agents' names are often misheard (Ciarán → "kieran"), so for {agent} the
    // patterns ("my name is …", "상담사 …입니다") count as well as the known name.
    const onlyNames = matcher.slots.includes('company') && this.knows('company');
    const yes = onlyNames
      ? matcher.slots.some((s) => this.mentions(i, s) !== null)
      : matcher.test(this.norm[i]) || matcher.slots.some((s) => this.mentions(i, s) !== null);
    this.matchMemo[slot] = yes ? YES : NO;
    return yes;
  }

  /** The turns a detector looks at: the window over all turns, then the speaker. */
  scope(scope: CompiledScope): number[] {
    let found = this.scopes.get(scope.key);
    if (found === undefined) {
      found = turnsInScope(this.turns, scope);
      this.scopes.set(scope.key, found);
    }
    return found;
  }

  /** The scope's turns; with `afterCondition`, only from the turn where the condition held. */
  turnsIn(scope: CompiledScope, condition: DetectorOutcome | null): number[] {
    const turns = this.scope(scope);
    if (scope.window === undefined || !('afterCondition' in scope.window)) return turns;
    const from = condition?.evidence.find((e) => e.turn !== null)?.turn ?? 0;
    return turns.filter((i) => i >= from);
  }

  /**
   * Whether turn `i` is excused by an `unless` list: it says one of the phrases, or one of the
   * next `within` turns of the same speaker does.
   */
  excused(unless: PhraseMatcher | null, within: number, i: number): boolean {
    if (unless === null) return false;
    if (this.matches(unless, i)) return true;
    const speaker = this.turns[i].speaker;
    let seen = 0;
    for (let j = i + 1; j < this.turns.length && seen < within; j++) {
      if (this.turns[j].speaker !== speaker) continue;
      if (this.matches(unless, j)) return true;
      // A backchannel ("mhm", "네") between the refusal and the offer does not use up the window.
      if (!this.isShort(j)) seen++;
    }
    return false;
  }

  /** A turn of at most two words (English) or four letters (Korean): a backchannel or a bare "yes". */
  isShort(i: number): boolean {
    const text = this.norm[i].trim();
    if (this.language === 'ko') return text.replace(/[^\p{L}\p{N}]+/gu, '').length <= 4;
    return text === '' || text.split(/\s+/).length <= 2;
  }

  /** Gaps between consecutive turns: next start − latest end so far (only positive ones). */
  gaps(): Gap[] {
    if (this.gapList === null) {
      const gaps: Gap[] = [];
      let longest = 0;
      let end = -Infinity;
      this.turns.forEach((t, i) => {
        if (i > 0 && t.startMs > end) {
          const ms = t.startMs - end;
          gaps.push({ turn: i, startMs: end, ms });
          if (ms > longest) longest = ms;
        }
        end = Math.max(end, t.endMs);
      });
      this.gapList = gaps;
      this.longest = longest;
    }
    return this.gapList;
  }

  /** Our own measurement of the longest silence, in ms. */
  longestGapMs(): number {
    this.gaps();
    return this.longest;
  }

  /** The longest silence: the source's figure when it gave one, else ours. */
  longestSilenceMs(): number {
    return this.source.longestSilenceMs ?? this.longestGapMs();
  }

  /** Agent talk time / (agent + customer talk time); null when nobody talked. */
  measuredTalkRatio(): number | null {
    let agent = 0;
    let customer = 0;
    for (const t of this.turns) {
      const ms = Math.max(0, t.endMs - t.startMs);
      if (t.speaker === 'agent') agent += ms;
      else if (t.speaker === 'customer') customer += ms;
    }
    return agent + customer === 0 ? null : agent / (agent + customer);
  }

  /**
   * Agent turns that start at least `overlapMs` before the end of the customer turn in
   * progress, excluding turns that are only backchannels.
   */
  interruptionsWith(settings: InterruptionSettings, key: string): Interruption[] {
    let found = this.interruptions.get(key);
    if (found !== undefined) return found;
    found = [];
    let customerEnd = -Infinity;
    for (let i = 0; i < this.turns.length; i++) {
      const t = this.turns[i];
      if (t.speaker === 'customer') {
        // The customer turn right before an agent turn is the latest one that started.
        customerEnd = t.endMs;
      } else if (t.speaker === 'agent') {
        const overlap = customerEnd - t.startMs;
        if (
          overlap >= settings.overlapMs &&
          overlap > 0 &&
          !settings.backchannels.test(this.norm[i])
        ) {
          found.push({ turn: i, overlapMs: overlap });
        }
      }
    }
    this.interruptions.set(key, found);
    return found;
  }

  /** The customer's negativity by these settings, once per call (negativity-scores.ts). */
  negativityWith(settings: NegativitySettings): NegativityScores {
    const key = `${settings.lexicon.id}:${settings.segments}:${settings.strong?.id}:${settings.calm?.id}:${settings.negation?.id}:${settings.resigned?.id}:${settings.relief?.id}:${settings.admitted?.id}`;
    let found = this.negativity.get(key);
    if (found === undefined) {
      found = scoreNegativity(this, settings);
      this.negativity.set(key, found);
    }
    return found;
  }

  /** A text model's probability (two decimals) for what the customer said, once per call. */
  customerModel(model: CompiledTextModel): number {
    let p = this.modelAnswers.get(model);
    if (p === undefined) {
      let counts = this.countsByIndex.get(model.index);
      if (counts === undefined) {
        counts = countFound(this.customerNgrams(model));
        this.countsByIndex.set(model.index, counts);
      }
      p = Math.round(probabilityOf(model, counts) * 100) / 100;
      this.modelAnswers.set(model, p);
    }
    return p;
  }

  /**
   * Where the model's answer shows (evidence, and the start of an `afterCondition` window): the
   * first customer turn it finds telling on its own (≥ 0.5), else the most telling one.
   */
  customerModelTurn(model: CompiledTextModel): number | null {
    const best = firstTellingTurn(model, this.customerNgrams(model));
    return best === null ? null : this.customerTurns[best];
  }

  /** The customer turns' known n-grams, found once per call for all models sharing an index. */
  private customerNgrams(model: CompiledTextModel): FoundNgrams {
    let found = this.ngramsByIndex.get(model.index);
    if (found === undefined) {
      found = model.index.findAll(this.customerTurns.map((i) => this.norm[i]));
      this.ngramsByIndex.set(model.index, found);
    }
    return found;
  }

  /** The customer's negativity: the source's when it gave one, else ours. */
  customerNegativity(settings: NegativitySettings): CustomerNegativity {
    const source = this.source.customerSentiment;
    if (source !== undefined) return { start: source.start, peak: source.peak, end: source.end };
    const { start, peak, end } = this.negativityWith(settings);
    return { start, peak, end };
  }

  /** Evidence quoting turn `i`. */
  evidence(i: number, value?: number | string): Evidence {
    const t = this.turns[i];
    return {
      turn: i,
      startMs: t.startMs,
      text: quote(t.text),
      ...(value === undefined ? {} : { value }),
    };
  }

  /** The first listed phrase found in turn `i` (for evidence). */
  /** The phrase that matched turn i; for a `re:` pattern, the words it matched (readable). */
  phraseIn(matcher: PhraseMatcher, i: number): string {
    const hit = matcher.find(this.norm[i]);
    if (hit === null) {
      for (const slot of matcher.slots) {
        const name = this.mentions(i, slot);
        if (name !== null) return name;
      }
      return matcher.phrases[0];
    }
    return hit.phrase.startsWith('re:') ? this.norm[i].slice(hit.index, hit.end) : hit.phrase;
  }
}
