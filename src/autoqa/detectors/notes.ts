/**
 * `notes`: the after-call notes are present, at least `minLength` characters, say the purpose,
 * the status and the outcome (one phrase of each list that is given), and use no vague or
 * judgemental phrase. Evidence quotes the notes (turn null).
 */
import type { DetectorOutcome, Evidence, NotesBlock } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import { type CallContext, quote } from './context';
import { DEFAULT_NOTES_MIN_LENGTH } from './defaults';

export interface NotesConfig {
  required: { what: 'purpose' | 'status' | 'outcome' | 'date'; matcher: PhraseMatcher }[];
  vague: PhraseMatcher | null;
  judgemental: PhraseMatcher | null;
  minLength: number;
}

export function compileNotes(block: NotesBlock, lib: MatcherLibrary): NotesConfig {
  const required: NotesConfig['required'] = [];
  for (const what of ['purpose', 'status', 'outcome', 'date'] as const) {
    const list = block[what];
    if (list !== undefined) required.push({ what, matcher: lib.matcher(list) });
  }
  const optionalList = (list: string[] | undefined) =>
    list === undefined || list.length === 0 ? null : lib.matcher(list);
  return {
    required,
    vague: optionalList(block.vague),
    judgemental: optionalList(block.judgemental),
    minLength: block.minLength ?? DEFAULT_NOTES_MIN_LENGTH,
  };
}

export function detectNotes(ctx: CallContext, config: NotesConfig): DetectorOutcome {
  const notes = ctx.notes;
  const norm = ctx.normalizedNotes();
  if (notes === null || norm === null) {
    return {
      result: 'fail',
      evidence: [],
      reason: 'there are no after-call notes',
      reasonCode: 'notes.missing',
    };
  }
  const quoted = (value?: number | string): Evidence[] => [
    { turn: null, startMs: null, text: quote(notes), ...(value === undefined ? {} : { value }) },
  ];
  const length = Array.from(notes.trim().normalize('NFC')).length;
  if (length < config.minLength) {
    return {
      result: 'fail',
      evidence: quoted(length),
      reason: `the notes are ${length} characters long, under the minimum of ${config.minLength}`,
      reasonCode: 'notes.tooShort',
      reasonParams: { length, min: config.minLength },
    };
  }
  const found: string[] = [];
  for (const { what, matcher } of config.required) {
    const hit = matcher.find(norm);
    if (hit === null) {
      return {
        result: 'fail',
        evidence: quoted(),
        reason: `the notes do not state the ${what}`,
        reasonCode: 'notes.notStated',
        reasonParams: { what: { code: `notes.what.${what}` } },
        confidence: 0.7,
      };
    }
    found.push(hit.phrase);
  }
  for (const [kind, matcher] of [
    ['vague', config.vague],
    ['judgemental', config.judgemental],
  ] as const) {
    const hit = matcher?.find(norm) ?? null;
    if (hit !== null) {
      return {
        result: 'fail',
        evidence: quoted(hit.phrase),
        reason: `the notes use the ${kind} phrase "${hit.phrase}"`,
        reasonCode: 'notes.phrase',
        reasonParams: { kind: { code: `notes.kind.${kind}` }, phrase: hit.phrase },
      };
    }
  }
  const stated = config.required.map((r) => r.what);
  const reason =
    stated.length === 0
      ? 'the notes are present and specific'
      : `the notes state the ${joinAnd(stated)}, with no vague or judgemental phrase`;
  return {
    result: 'pass',
    evidence: quoted(found.length > 0 ? found.join(', ') : undefined),
    reason,
    ...(stated.length === 0
      ? { reasonCode: 'notes.specific' as const }
      : {
          reasonCode: 'notes.stated' as const,
          reasonParams: { what: stated.map((w) => ({ code: `notes.what.${w}` as const })) },
        }),
  };
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
