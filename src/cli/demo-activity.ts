/**
 * What a QA team has done by the time someone opens the demo: default sampling rules and this
 * week's queue, calibration sessions, disputes (one open, one resolved) and an earlier coaching
 * plan. Everything goes through the services, as a person's clicks would.
 */
import { addDays, defaultPeriod } from '../analytics/period';
import { CalibrationService } from '../calibration/calibration.service';
import { CoachingService } from '../coaching/coaching.service';
import type { Actor } from '../common/current-user';
import type { DemoBehaviour } from '../demo/demo-data';
import { DisputesService } from '../disputes/disputes.service';
import { EvaluationsService } from '../evaluations/evaluations.service';
import type { SampleResult } from '../queue/sampling.service';
import { RuleInput, SamplingService } from '../queue/sampling.service';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { demoAnswers } from './demo-answers';

/** A demo call a person scored: whose it was, what the agent did, the evaluation. */
export interface ScoredCall {
  interactionId: number;
  evaluationId: number;
  agentExternalId: string;
  scorecardKey: string;
  startedAt: number;
  behaviour: DemoBehaviour;
}

export interface DemoPeople {
  admin: Actor;
  evaluators: Actor[];
  leads: Actor[];
  agents: Map<string, Actor>;
}

/**
 * The rules a new QA team starts from: 3 random calls per agent per week, every call whose
 * auto-QA failed a critical criterion, every call with CSAT ≤ 2. Admins change them at
 * /queue/rules.
 */
export const DEFAULT_SAMPLING_RULES: readonly RuleInput[] = [
  { name: '상담사별 주 3건 무작위', kind: 'random_per_agent_week', params: { perWeek: 3 } },
  { name: '자동 평가 치명 항목 실패 전체', kind: 'auto_critical_fail', params: {} },
  { name: 'CSAT 2점 이하 전체', kind: 'low_csat', params: { maxCsat: 2 } },
];

export class DemoActivity {
  constructor(
    private readonly sampling: SamplingService,
    private readonly evaluations: EvaluationsService,
    private readonly scorecards: ScorecardsService,
    private readonly calibration: CalibrationService,
    private readonly disputes: DisputesService,
    private readonly coaching: CoachingService,
  ) {}

  /** Adds the default rules when there are none yet, then samples: the queue has work. */
  async queueWork(admin: Actor, now: Date): Promise<SampleResult> {
    if ((await this.sampling.listRules()).length === 0) {
      for (const rule of DEFAULT_SAMPLING_RULES) await this.sampling.createRule(admin, rule);
    }
    return this.sampling.sample(now, admin);
  }

  /**
   * Two closed calibration sessions on older calls: the evaluators and the QA manager (the
   * expert) score blind; the second evaluator departs from the expert on two criteria the first
   * time and on one the second, so the history shows a trend.
   */
  async calibrate(people: DemoPeople, calls: ScoredCall[]): Promise<number> {
    const candidates = calls.filter((c) => c.scorecardKey === 'voice-ko');
    const picks = [
      candidates[Math.floor(candidates.length / 4)],
      candidates[Math.floor(candidates.length / 2)],
    ];
    let done = 0;
    for (const [n, call] of picks.entries()) {
      if (!call) continue;
      const definition = (await this.scorecards.current(call.scorecardKey)).definition;
      const participants = [...people.evaluators, people.admin];
      const session = await this.calibration.open(people.admin, {
        interactionId: call.interactionId,
        scorecardKey: call.scorecardKey,
        participantIds: participants.map((p) => p.id),
        expertId: people.admin.id,
        note: n === 0 ? '분기 보정: 공감과 요약 기준 맞추기' : '보정 2차',
      });
      for (const person of participants) {
        const draft = await this.calibration.start(person, session.id);
        const departs = person.id === people.evaluators[1]?.id ? (n === 0 ? 2 : 1) : 0;
        const answers = departed(definition, call.behaviour, call.interactionId, departs);
        await this.evaluations.submit(person, draft.id, { version: draft.version, answers });
      }
      done++;
    }
    return done;
  }

  /**
   * A-003 disputes a failed identity check (left open for the team lead); A-005 disputes an
   * interruption, which the team lead upholds with a reason. Others acknowledge a few.
   */
  async respond(people: DemoPeople, calls: ScoredCall[]): Promise<number> {
    let disputes = 0;
    const plan: { agent: string; key: string; reason: string; resolveBy?: Actor }[] = [
      {
        agent: 'A-003',
        key: 'identity_verification',
        reason:
          '고객님이 먼저 생년월일을 말씀하셔서 확인한 것으로 생각했습니다. 녹취 다시 봐 주세요.',
      },
      {
        agent: 'A-005',
        key: 'no_interruptions',
        reason: '고객님 말씀이 끝난 줄 알았습니다.',
        resolveBy: people.leads[1],
      },
    ];
    for (const step of plan) {
      const agent = people.agents.get(step.agent);
      const call = [...calls]
        .reverse()
        .find((c) => c.agentExternalId === step.agent && c.behaviour[step.key] === false);
      if (!agent || !call) continue;
      const evaluation = await this.evaluations.get(call.evaluationId, agent);
      const filed = await this.disputes.dispute(agent, call.evaluationId, {
        version: evaluation.version,
        criteria: [step.key],
        reason: step.reason,
      });
      disputes++;
      if (step.resolveBy) {
        await this.disputes.resolve(step.resolveBy, call.evaluationId, {
          version: filed.evaluation.version,
          outcome: 'upheld',
          reason: '녹취 1분 12초에 고객님 말씀 도중 끼어든 것이 확인되어 평가를 유지합니다.',
        });
      }
    }
    for (const [externalId, agent] of people.agents) {
      const own = calls.filter((c) => c.agentExternalId === externalId).slice(-6, -3);
      for (const call of own) {
        const evaluation = await this.evaluations.get(call.evaluationId, agent);
        if (evaluation.status !== 'submitted') continue;
        await this.disputes.acknowledge(agent, call.evaluationId, { version: evaluation.version });
      }
    }
    return disputes;
  }

  /**
   * A plan for A-003 over the four weeks before the default period, so that the plan a team lead
   * makes today reports progress against it.
   */
  async earlierPlan(lead: Actor, now: Date): Promise<void> {
    const current = defaultPeriod(now);
    await this.coaching.generate(lead, {
      agentExternalId: 'A-003',
      from: addDays(current.from, -28),
      to: addDays(current.from, -1),
      lang: 'ko',
    });
  }
}

/** The demo answers with the first `count` yes/no criteria the agent did well marked failed. */
function departed(
  definition: ScorecardDefinition,
  behaviour: DemoBehaviour,
  salt: number,
  count: number,
) {
  const answers = demoAnswers(definition, behaviour, salt);
  const yesNo = new Set(
    definition.sections
      .flatMap((s) => s.criteria)
      .filter((c) => c.scale.type === 'yes_no' && !c.critical)
      .map((c) => c.key),
  );
  let left = count;
  return answers.map((a) => {
    if (left > 0 && 'value' in a && a.value === 1 && yesNo.has(a.key)) {
      left--;
      return { key: a.key, value: 0 };
    }
    return a;
  });
}
