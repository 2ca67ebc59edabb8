/**
 * The redactor: finds personal data in a transcript's turns and replaces it with typed masks
 * ([주민번호], [CARD NUMBER] …). Numbers are found in spoken forms too and across consecutive
 * turns of one speaker (the other side's "네" in between does not break them); the words asked
 * just before decide what a bare number is. Pure: plain data in, plain data out.
 */
import { findAddresses, findEmails, type TextSpan } from './email-address';
import { maskFor, masksIn } from './masks';
import { classifyNumber, contextsOf } from './number-kinds';
import type {
  MaskSpan,
  RedactionFinding,
  RedactionOptions,
  RedactionResult,
  RedactionTurn,
} from './redaction.types';
import { normalizeDigits, type NormalizedText } from './spoken-digits';

/** A reply that does not interrupt the other side's dictation: "네", "okay", "uh-huh". */
const BACKCHANNEL_WORD = String.raw`(?:네+|넵|예+|응|음+|아+|어+|그렇죠|맞아요|계속\s?(?:말씀|불러)\s?(?:하세요|해\s?주세요|주세요)|말씀하세요|okay|ok|yes|yeah|yep|yup|uh[\s-]?huh|mm[\s-]?hmm|mhm|right|got it|i see|sure|go ahead|go on|keep going|(?:please\s)?continue)`;
/** One or a few of them in a row: "네, 계속 말씀하세요", "okay, go ahead". */
const BACKCHANNEL = new RegExp(
  String.raw`^[\s,.!?~]*${BACKCHANNEL_WORD}(?:[\s,.!?~]+${BACKCHANNEL_WORD})*[\s,.!?~]*$`,
  'i',
);

/** Turns of one speaker read as one text: consecutive, or with only the other's backchannel between. */
function chainsOf(turns: readonly RedactionTurn[]): number[][] {
  const chains: number[][] = [];
  const open = new Map<string, number[]>();
  turns.forEach((turn, i) => {
    if (!BACKCHANNEL.test(turn.text)) {
      for (const speaker of [...open.keys()]) if (speaker !== turn.speaker) open.delete(speaker);
    }
    const chain = open.get(turn.speaker);
    if (chain) chain.push(i);
    else {
      const started = [i];
      chains.push(started);
      open.set(turn.speaker, started);
    }
  });
  return chains;
}

/** The chain's turns joined by newlines, after up to two turns before it (read for context only). */
interface Window {
  text: string;
  /** Where the chain itself starts in `text`. */
  chainStart: number;
  segments: { turn: number; at: number; norm: NormalizedText }[];
}

function windowOf(chain: number[], norms: NormalizedText[]): Window {
  const before = [chain[0] - 2, chain[0] - 1].filter((i) => i >= 0).map((i) => norms[i].text);
  let text = before.length > 0 ? `${before.join('\n')}\n` : '';
  const chainStart = text.length;
  const segments: Window['segments'] = [];
  for (const turn of chain) {
    if (segments.length > 0) text += '\n';
    segments.push({ turn, at: text.length, norm: norms[turn] });
    text += norms[turn].text;
  }
  return { text, chainStart, segments };
}

const UNIT_AFTER =
  /^(?:[A-Za-z]|개월|개|원|만|천|백|시|분|초|년|월|일|명|번째|회|기가|살|세|%|달러|불|박|\s(?:원|달러|dollars?|bucks|cents|percent|minutes?|hours?|days?|weeks?|months?|years?|gb|am|pm|won)\b)/i;
const GAP =
  /^[\s\-–－.,()]*(?:(?:에|이고|하고|다시|하이픈|대시|빼기|(?:그\s?)?다음(?:이|은|에|으로)?|and|dash|hyphen)[\s\-–－.,()]*)?$/i;
const MAX_DIGITS = 19;
/** Words after a number that make it a one-time code ("272841 expires in 5 min"). */
const CODE_AFTER =
  /^[\s,.)]*(?:expires|is\s(?:your|the|my)\s(?:verification\s|security\s|one[\s-]time\s)?(?:code|otp|pin|passcode)|(?:이|가|은|는)?\s?(?:인증\s?번호|인증\s?코드)(?:입니다|예요|이에요)|(?:분|시간)\s?(?:안에|이내|동안)\s?유효)/i;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Digit groups that may be part of an identifier: not an amount, a date part or "5G". */
function groupRuns(text: string, from: number): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const group = { start: m.index, end: m.index + m[0].length, digits: m[0] };
    // An amount with thousands separators ("9,000원", "15,000 won") is one quantity.
    const thousands = /^(?:,\d{3})+(?!\d)/.exec(text.slice(group.end));
    const unitAt = group.end + (thousands ? thousands[0].length : 0);
    const quantity =
      /[A-Za-z$₩£€\]]/.test(text[group.start - 1] ?? '') ||
      UNIT_AFTER.test(text.slice(unitAt, unitAt + 9));
    const last = run[run.length - 1];
    const joined =
      last &&
      !quantity &&
      group.end <= text.length &&
      GAP.test(text.slice(last.end, group.start)) &&
      group.start - last.end <= 8;
    if (!joined && run.length > 0) runs.push(run);
    if (!joined) run = [];
    if (!quantity && group.start >= from) run.push(group);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function findNumbers(window: Window, english: boolean): (TextSpan & { kind: MaskSpan['kind'] })[] {
  const found: (TextSpan & { kind: MaskSpan['kind'] })[] = [];
  for (const run of groupRuns(window.text, window.chainStart)) {
    let i = 0;
    while (i < run.length) {
      let matched = 0;
      let digits = '';
      const candidates: number[] = [];
      for (let j = i; j < run.length && digits.length + run[j].digits.length <= MAX_DIGITS; j++) {
        digits += run[j].digits;
        candidates.push(digits.length);
      }
      const contexts = contextsOf(window.text.slice(Math.max(0, run[i].start - 100), run[i].start));
      for (let k = candidates.length; k >= 1 && matched === 0; k--) {
        const groups = run.slice(i, i + k);
        const after = window.text.slice(groups[k - 1].end, groups[k - 1].end + 40);
        const kind = classifyNumber(
          digits.slice(0, candidates[k - 1]),
          groups.map((g) => g.digits.length),
          CODE_AFTER.test(after) ? ['one_time_code', ...contexts] : contexts,
          english,
        );
        if (kind) {
          found.push({ start: groups[0].start, end: groups[k - 1].end, kind });
          matched = k;
        }
      }
      i += Math.max(matched, 1);
    }
  }
  return found;
}

/** A span of the window as spans of the original turns it covers. */
function toTurnSpans(
  window: Window,
  span: TextSpan,
  kind: MaskSpan['kind'],
  turns: readonly RedactionTurn[],
): MaskSpan[] {
  const out: MaskSpan[] = [];
  for (const { turn, at, norm } of window.segments) {
    let a = Math.max(span.start, at) - at;
    let b = Math.min(span.end, at + norm.text.length) - at;
    // A number's part in one turn is its digits, not the ending after them ("공일공에").
    if (kind !== 'email' && kind !== 'address') {
      while (a < b && !/\d/.test(norm.text[a])) a++;
      while (b > a && !/\d/.test(norm.text[b - 1])) b--;
    }
    if (a >= b) continue;
    let start = norm.from ? norm.from[a] : a;
    let end = norm.to ? norm.to[b - 1] : b;
    const text = turns[turn].text;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    // "오사삼이요": the 이 may be the last digit or the copula; masked either way.
    if (text[end] === '이' && /[가-힣]/.test(text[end - 1] ?? '')) end++;
    if (/[0-9A-Za-z가-힣０-９@]/.test(text.slice(start, end))) out.push({ turn, start, end, kind });
  }
  return out;
}

/** Overlapping spans of one turn as one mask (the first found names it). */
function merge(spans: MaskSpan[]): MaskSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MaskSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The spans to mask, per turn, in the original texts. */
export function findPii(turns: readonly RedactionTurn[], options: RedactionOptions): MaskSpan[][] {
  const english = !options.language.toLowerCase().startsWith('ko');
  const norms = turns.map((t) => normalizeDigits(t.text));
  const perTurn: MaskSpan[][] = turns.map(() => []);
  for (const chain of chainsOf(turns)) {
    const window = windowOf(chain, norms);
    const spans: (TextSpan & { kind: MaskSpan['kind'] })[] = [
      ...findEmails(window.text).map((s) => ({ ...s, kind: 'email' as const })),
      ...findNumbers(window, english),
      ...findAddresses(window.text, options.address ?? 'detail').map((s) => ({
        ...s,
        kind: 'address' as const,
      })),
    ];
    for (const span of spans) {
      if (span.end <= window.chainStart) continue;
      const clipped = { ...span, start: Math.max(span.start, window.chainStart) };
      for (const part of toTurnSpans(window, clipped, span.kind, turns))
        perTurn[part.turn].push(part);
    }
  }
  return perTurn.map(merge);
}

/**
 * The transcript with its personal data masked, and where each mask stands (kind, turn, offsets
 * in the redacted text; never the value). Masks already there, ours or the source's, are kept
 * and reported, so redacting twice changes nothing.
 */
export function redactTranscript<T extends RedactionTurn>(
  turns: readonly T[],
  options: RedactionOptions,
): RedactionResult<T> {
  // A mask can change what the digits left beside it read as; repeating until nothing more is
  // found makes a second redaction of the result change nothing.
  let current: readonly T[] = turns;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const spans = findPii(current, options);
    if (spans.every((s) => s.length === 0)) break;
    current = current.map((turn, i) => applyMasks(turn, spans[i], options.language));
  }
  const findings: RedactionFinding[] = [];
  current.forEach((turn, i) => {
    for (const mask of masksIn(turn.text)) {
      findings.push({ kind: mask.kind, turn: i, start: mask.start, end: mask.end });
    }
  });
  return { turns: [...current], findings };
}

const MAX_PASSES = 4;

function applyMasks<T extends RedactionTurn>(turn: T, spans: MaskSpan[], language: string): T {
  if (spans.length === 0) return turn;
  let text = turn.text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, span.start) + maskFor(span.kind, language) + text.slice(span.end);
  }
  return { ...turn, text };
}

/** One text on its own (a note, a comment): the same rules as a one-turn transcript. */
export function redactText(text: string, options: RedactionOptions): string {
  return redactTranscript([{ speaker: 'customer', text }], options).turns[0].text;
}
