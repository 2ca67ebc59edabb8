/** `phrases`: enough turns in the window say a listed phrase, and every `allOf` group is said. */
import type { DetectorOutcome, Evidence, PhrasesBlock } from '../autoqa.types';
import type { MatcherLibrary, PhraseMatcher } from '../text-match';
import { CallContext, CompiledScope, compileScope, describeScope, plural } from './context';
import { listPhrases, MAX_EVIDENCE, withArticle } from './shared';
import {
  form,
  phrasesPart,
  type ReasonCode,
  type ReasonMessage,
  type ReasonParams,
  scopePart,
} from '../reason-codes';

export interface PhrasesConfig {
  anyOf: PhraseMatcher | null;
  allOf: PhraseMatcher[];
  min: number;
  max: number | undefined;
  count: 'turns' | 'distinct';
  unless: PhraseMatcher | null;
  unlessWithin: number;
  /** Only turns up to the first one (of the same speaker) that says one of these count. */
  before: PhraseMatcher | null;
  /** A phrase that on its own says there are several ("two ways", "a couple of options"). */
  many: PhraseMatcher | null;
  /** Customer turns saying one of these stand for `allOf[group]` (0-based here). */
  volunteered: { group: number; matcher: PhraseMatcher } | null;
  scope: CompiledScope;
}

export function compilePhrases(block: PhrasesBlock, lib: MatcherLibrary): PhrasesConfig {
  return {
    anyOf: block.anyOf === undefined ? null : lib.matcher(block.anyOf),
    allOf: (block.allOf ?? []).map((group) => lib.matcher(group)),
    min: block.min ?? 1,
    max: block.max,
    count: block.count ?? 'turns',
    unless: block.unless === undefined ? null : lib.matcher(block.unless),
    unlessWithin: block.unlessWithin ?? 0,
    before: block.before === undefined ? null : lib.matcher(block.before),
    many: block.many === undefined ? null : lib.matcher(block.many),
    volunteered:
      block.volunteered === undefined
        ? null
        : { group: block.volunteered.group - 1, matcher: lib.matcher(block.volunteered.anyOf) },
    scope: compileScope(block.speaker, block.window),
  };
}

export function detectPhrases(
  ctx: CallContext,
  config: PhrasesConfig,
  condition: DetectorOutcome | null = null,
): DetectorOutcome {
  const { anyOf, allOf, min, max, scope } = config;
  let turns = ctx
    .turnsIn(scope, condition)
    .filter((i) => !ctx.excused(config.unless, config.unlessWithin, i));
  const { before } = config;
  let cutAt: number | null = null;
  if (before !== null) {
    const first = turns.find((i) => ctx.matches(before, i));
    if (first !== undefined) {
      cutAt = first;
      turns = turns.filter((i) => i <= first);
    }
  }
  const evidence: Evidence[] = [];
  let matching = 0;
  const distinct = new Set<string>();
  if (anyOf !== null) {
    for (const i of turns) {
      if (!ctx.matches(anyOf, i)) continue;
      if (config.count === 'distinct') {
        const before = distinct.size;
        for (const p of anyOf.distinct(ctx.norm[i])) distinct.add(p);
        if (distinct.size === before) continue;
      }
      matching++;
      if (evidence.length < MAX_EVIDENCE) evidence.push(ctx.evidence(i, ctx.phraseIn(anyOf, i)));
    }
    if (config.count === 'distinct') matching = distinct.size;
    const { many } = config;
    const several = many === null ? undefined : turns.find((i) => ctx.matches(many, i));
    if (several !== undefined && matching < min) {
      matching = min;
      evidence.push(ctx.evidence(several, ctx.phraseIn(many!, several)));
    }
  }
  const found = groupsIn(ctx, config, turns, cutAt);
  const missingGroup = found.indexOf(null);
  found.forEach((f) => {
    if (f !== null && !evidence.some((e) => e.turn === f.turn))
      evidence.push(ctx.evidence(f.turn, ctx.phraseIn(f.matcher, f.turn)));
  });
  // A group found only in what the customer volunteered: the reason says so.
  const volunteered = found.some((f) => f?.volunteered === true);
  evidence.sort((a, b) => (a.turn ?? 0) - (b.turn ?? 0));

  const who = describeScope(scope);
  const whoPlural = describeScope(scope, true);
  const groupsFound = found.filter((f) => f !== null).length;
  // Would the turns after the cut have satisfied it? Then order decided it: less sure.
  const orderDecided =
    cutAt !== null &&
    allOf.length > 0 &&
    groupsIn(ctx, config, ctx.turnsIn(scope, condition), cutAt).every((f) => f !== null);
  if (anyOf !== null && matching < min) {
    const cut = cutAt === null ? '' : ` before turn ${cutAt} ("${ctx.phraseIn(before!, cutAt)}")`;
    if (cutAt !== null && evidence.length < MAX_EVIDENCE)
      evidence.push(ctx.evidence(cutAt, ctx.phraseIn(before!, cutAt)));
    const reason =
      matching === 0
        ? `no ${who} says a listed phrase${cut}`
        : config.count === 'distinct'
          ? `only ${plural(matching, 'different listed phrase', 'different listed phrases')} in ${whoPlural} (${min} needed)`
          : `only ${plural(matching, who, whoPlural)} ${matching === 1 ? 'says' : 'say'} a listed phrase (${min} needed)`;
    const code: ReasonMessage =
      matching === 0
        ? {
            code: 'phrases.none',
            params: {
              who: scopePart(scope, 'one'),
              cut:
                cutAt === null
                  ? { code: 'cut.none' }
                  : {
                      code: 'cut.beforeTurnSaying',
                      params: { turn: cutAt, phrase: ctx.phraseIn(before!, cutAt) },
                    },
            },
          }
        : config.count === 'distinct'
          ? {
              code: `phrases.fewDistinct.${form(matching)}`,
              params: { n: matching, where: scopePart(scope, 'other'), min },
            }
          : {
              code: `phrases.few.${form(matching)}`,
              params: { n: matching, who: scopePart(scope, form(matching)), min },
            };
    return {
      result: 'fail',
      evidence,
      reason,
      reasonCode: code.code,
      reasonParams: code.params,
      confidence: matching > 0 && matching === min - 1 ? 0.6 : 0.8,
    };
  }
  if (anyOf !== null && max !== undefined && matching > max) {
    return {
      result: 'fail',
      evidence,
      reason: `${plural(matching, who, whoPlural)} say a listed phrase (at most ${max} allowed)`,
      reasonCode: 'phrases.tooMany',
      reasonParams: { n: matching, who: scopePart(scope, form(matching)), max },
    };
  }
  if (missingGroup >= 0) {
    const group = allOf[missingGroup];
    return {
      result: 'fail',
      evidence,
      reason: `no ${who} says a phrase of required group ${missingGroup + 1} (${listPhrases(group.phrases)})${cutAt === null ? '' : ` before turn ${cutAt}`}`,
      reasonCode: 'phrases.groupMissing',
      reasonParams: {
        who: scopePart(scope, 'one'),
        group: missingGroup + 1,
        phrases: phrasesPart(group.phrases),
        cut:
          cutAt === null
            ? { code: 'cut.none' }
            : { code: 'cut.beforeTurn', params: { turn: cutAt } },
      },
      // One part missing of several, or missing only because of the order: a near miss.
      confidence: orderDecided
        ? 0.65
        : allOf.length > 1 && groupsFound === allOf.length - 1
          ? 0.7
          : 0.85,
    };
  }
  return {
    result: 'pass',
    evidence,
    reason: passReason(config, matching, evidence, who, whoPlural, volunteered),
    ...passCode(config, matching, evidence, scope, volunteered),
    confidence: anyOf !== null && matching === 1 && allOf.length === 0 ? 0.8 : 0.9,
  };
}

/** Where an `allOf` group was said, and by which list. */
interface GroupFound {
  turn: number;
  matcher: PhraseMatcher;
  /** Said only by the customer, unasked (`volunteered`), before the cut. */
  volunteered: boolean;
}

/**
 * Per `allOf` group, the first of these turns that says it — or, for the `volunteered` group, a
 * customer turn before the cut ("hi it's priya raman" answers the name request); null if none.
 */
function groupsIn(
  ctx: CallContext,
  config: PhrasesConfig,
  among: number[],
  cutAt: number | null,
): (GroupFound | null)[] {
  const v = config.volunteered;
  return config.allOf.map((group, g) => {
    const turn = among.find((i) => ctx.matches(group, i));
    if (turn !== undefined) return { turn, matcher: group, volunteered: false };
    if (v === null || v.group !== g) return null;
    const by = ctx.customerTurns.find(
      (i) => (cutAt === null || i < cutAt) && ctx.matches(v.matcher, i),
    );
    return by === undefined ? null : { turn: by, matcher: v.matcher, volunteered: true };
  });
}

function passReason(
  config: PhrasesConfig,
  matching: number,
  evidence: Evidence[],
  who: string,
  whoPlural: string,
  volunteered: boolean,
): string {
  const groups = config.allOf.length > 0 ? 'every required phrase group' : '';
  if (config.anyOf === null && volunteered)
    return `${groups} is said in ${whoPlural} or by the customer unasked`;
  if (config.anyOf === null) return `${groups} is said in ${whoPlural}`;
  const said =
    matching === 0
      ? `no ${who} says a listed phrase`
      : matching === 1
        ? `${withArticle(who)} says "${String(evidence.find((e) => e.value !== undefined)?.value)}"`
        : config.count === 'distinct'
          ? `${plural(matching, 'different listed phrase', 'different listed phrases')} in ${whoPlural}`
          : `${plural(matching, who, whoPlural)} say a listed phrase`;
  return groups === '' ? said : `${said}, and ${groups} is said`;
}

/** passReason as a code. */
function passCode(
  config: PhrasesConfig,
  matching: number,
  evidence: Evidence[],
  scope: CompiledScope,
  volunteered: boolean,
): { reasonCode: ReasonCode; reasonParams?: ReasonParams } {
  const groups = config.allOf.length > 0;
  if (config.anyOf === null && volunteered) {
    return {
      reasonCode: 'phrases.groupsSaidVolunteered',
      reasonParams: { where: scopePart(scope, 'other') },
    };
  }
  if (config.anyOf === null) {
    return { reasonCode: 'phrases.groupsSaid', reasonParams: { where: scopePart(scope, 'other') } };
  }
  const said: ReasonMessage =
    matching === 0
      ? {
          code: 'phrases.none',
          params: { who: scopePart(scope, 'one'), cut: { code: 'cut.none' } },
        }
      : matching === 1
        ? {
            code: 'phrases.saysOne',
            params: {
              who: scopePart(scope, 'a'),
              phrase: String(evidence.find((e) => e.value !== undefined)?.value),
            },
          }
        : config.count === 'distinct'
          ? {
              code: `phrases.distinct.${form(matching)}`,
              params: { n: matching, where: scopePart(scope, 'other') },
            }
          : { code: 'phrases.said', params: { n: matching, who: scopePart(scope, 'other') } };
  return groups
    ? { reasonCode: 'phrases.withGroups', reasonParams: { said } }
    : { reasonCode: said.code, reasonParams: said.params };
}
