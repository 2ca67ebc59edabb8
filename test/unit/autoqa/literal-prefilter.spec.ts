/**
 * The literal prefilter: the literals a pattern cannot match without, and the one pass that says
 * which lists could match a turn. Sound on everything the shipped Korean lists meet: whenever a
 * list's pattern matches a normalised turn of the Korean corpus, one of its literals is in it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LiteralPrefilter } from '../../../src/autoqa/literal-prefilter';
import { requiredLiterals } from '../../../src/autoqa/required-literals';
import { MatcherLibrary, normalizeKo, PhraseMatcher } from '../../../src/autoqa/text-match';
import { loadScorecardFile } from '../../../src/cli/score-command';

const sorted = (s: string[] | null) => (s === null ? null : [...s].sort());

describe('requiredLiterals', () => {
  it('gives a literal run as one literal, and joins alternatives next to each other', () => {
    expect(requiredLiterals('안녕하세요')).toEqual(['안녕하세요']);
    expect(sorted(requiredLiterals('(고객|본인)(의)?(부담|책임)'))).toEqual(
      sorted([
        '고객부담',
        '고객책임',
        '고객의부담',
        '고객의책임',
        '본인부담',
        '본인책임',
        '본인의부담',
        '본인의책임',
      ]),
    );
    expect(sorted(requiredLiterals('[월화]요일'))).toEqual(['월요일', '화요일']);
  });

  it('reads lookarounds and anchors as consuming nothing', () => {
    expect(sorted(requiredLiterals('(?<!(반영|청구)(은|는)?)안(되|돼)요'))).toEqual([
      '안돼요',
      '안되요',
    ]);
    expect(requiredLiterals('^아니(?!요)')).toEqual(['아니']);
  });

  it('keeps the most telling part of a sequence with open parts in it', () => {
    expect(requiredLiterals('[가-힣]{0,6}마감')).toEqual(['마감']);
    expect(requiredLiterals('\\d+원')).toEqual(['원']);
    expect(sorted(requiredLiterals('(다른|추가)[가-힣]{0,6}(문의사항|궁금하신점)'))).toEqual([
      '궁금하신점',
      '문의사항',
    ]);
    expect(requiredLiterals('(네){2,}')).toEqual(['네']);
  });

  it('needs a literal from every branch of an alternation', () => {
    expect(sorted(requiredLiterals('대신|다른방법'))).toEqual(['다른방법', '대신']);
    expect(requiredLiterals('대신|[가-힣]+')).toBeNull();
    expect(requiredLiterals('(a|b*)c?')).toBeNull();
  });

  it('says null for what it does not read, never a wrong set', () => {
    expect(requiredLiterals('.*')).toBeNull();
    expect(requiredLiterals('(?<x>네)\\k<x>')).toBeNull();
    expect(requiredLiterals('(?i:네)')).toBeNull();
    expect(requiredLiterals('[^가]')).toBeNull();
    expect(requiredLiterals('a(b')).toBeNull();
    expect(requiredLiterals('')).toBeNull();
  });
});

describe('LiteralPrefilter', () => {
  it('marks the lists whose literals occur in each turn, and every list without literals', () => {
    const lists = [
      { id: 0, literals: ['감사'] },
      { id: 1, literals: ['안돼요', '불가'] },
      { id: 2, literals: null },
    ];
    const prefilter = new LiteralPrefilter(lists, 3);
    const possible = prefilter.possible(['정말감사합니다', '그건불가합니다', '네']);
    expect(Array.from(possible)).toEqual([1, 0, 1, 0, 1, 1, 0, 0, 1]);
  });
});

/** Every list (array of strings) in the shipped Korean scorecards' auto blocks and families. */
function shippedKoreanLists(): PhraseMatcher[] {
  const matchers: PhraseMatcher[] = [];
  for (const name of ['voice-ko', 'chat-ko']) {
    const scorecard = loadScorecardFile(path.resolve(__dirname, '../../../scorecards'), name);
    const lib = new MatcherLibrary('ko', scorecard.autoQa?.phraseFamilies ?? {});
    const walk = (v: unknown): void => {
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
        matchers.push(lib.matcher(v));
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const c of scorecard.sections.flatMap((s) => s.criteria)) walk(c.auto);
    walk(scorecard.autoQa?.phraseFamilies ?? {});
  }
  return matchers;
}

/** The texts of the Korean corpus calls (turns and notes) under a folder. */
function koreanTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) texts.push(...koreanTexts(file));
    else if (entry.name.endsWith('.json') && !entry.name.startsWith('labels')) {
      const call = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        language?: string;
        notes?: string;
        turns?: { text: string }[];
      };
      if (call.language !== 'ko' || !Array.isArray(call.turns)) continue;
      texts.push(...call.turns.map((t) => t.text));
      if (typeof call.notes === 'string') texts.push(call.notes);
    }
  }
  return texts;
}

describe('the prefilter on the shipped Korean lists', () => {
  const matchers = shippedKoreanLists();
  const norms = koreanTexts(path.resolve(__dirname, '../../fixtures/autoqa-corpus/dev')).map(
    normalizeKo,
  );

  it('reads most lists (the ones without name slots)', () => {
    expect(norms.length).toBeGreaterThan(5000);
    const read = matchers.filter((m) => m.literals !== null).length;
    expect(read / matchers.length).toBeGreaterThan(0.8);
  });

  it('never rules out a list on a turn it matches (every dev split Korean turn and note)', () => {
    const missed: string[] = [];
    let matched = 0;
    for (const m of matchers) {
      if (m.literals === null) continue;
      const prefilter = new LiteralPrefilter([{ id: 0, literals: m.literals }], 1);
      const possible = prefilter.possible(norms);
      norms.forEach((norm, k) => {
        if (!m.test(norm)) return;
        matched++;
        if (possible[k] === 0) missed.push(`${m.phrases[0]} … on "${norm}"`);
      });
    }
    expect(matched).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });
});
