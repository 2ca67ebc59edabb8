import type {
  CriterionDefinition,
  Scale,
  ScorecardDefinition,
  SectionDefinition,
} from '../../src/scorecards/scorecard-definition';

/** Builds scorecard definitions for tests: `ScorecardBuilder.create().section(...).build()`. */
export class ScorecardBuilder {
  private readonly sections: SectionDefinition[] = [];
  private passingScore = 80;

  static create(): ScorecardBuilder {
    return new ScorecardBuilder();
  }

  passing(score: number): this {
    this.passingScore = score;
    return this;
  }

  section(key: string, weight: number, criteria: Partial<CriterionDefinition>[]): this {
    this.sections.push({
      key,
      label: key,
      weight,
      criteria: criteria.map((c, i) => criterion(c.key ?? `${key}_${i}`, c)),
    });
    return this;
  }

  build(): ScorecardDefinition {
    return {
      key: 'test',
      name: 'Test scorecard',
      language: 'en',
      channel: 'voice',
      passingScore: this.passingScore,
      sections: this.sections,
    };
  }
}

export function criterion(key: string, c: Partial<CriterionDefinition> = {}): CriterionDefinition {
  return {
    key,
    label: key,
    guidance: `Check ${key}`,
    scale: { type: 'yes_no' },
    weight: 1,
    naAllowed: false,
    ...c,
  };
}

export const points = (max: number): Scale => ({ type: 'points', max });
