/** `talk_ratio`: agent talk time / (agent + customer talk time) within bounds. N/A on chat. */
import type { DetectorOutcome, TalkRatioBlock } from '../autoqa.types';
import type { CallContext } from './context';
import { NOT_ON_CHAT, percent } from './shared';
import type { ReasonParams } from '../reason-codes';

export interface TalkRatioConfig {
  min: number | undefined;
  max: number | undefined;
}

export function compileTalkRatio(block: TalkRatioBlock): TalkRatioConfig {
  return { min: block.minAgentRatio, max: block.maxAgentRatio };
}

export function detectTalkRatio(ctx: CallContext, config: TalkRatioConfig): DetectorOutcome {
  if (!ctx.voice) return NOT_ON_CHAT;
  const source = ctx.source.agentTalkRatio;
  const ratio = source ?? ctx.measuredTalkRatio();
  if (ratio === null) {
    const reason = 'nobody talked in this call';
    return { result: 'na', evidence: [], reason, reasonCode: 'talkRatio.nobody' };
  }
  const by = source === undefined ? '' : ' (measured by the source)';
  const evidence = [
    {
      turn: null,
      startMs: null,
      text: `agent talk time ${percent(ratio)} of agent and customer talk time${by}`,
      value: Math.round(ratio * 1000) / 1000,
      unit: 'ratio' as const,
      measure: {
        code: source === undefined ? ('talkRatio' as const) : ('sourceTalkRatio' as const),
      },
    },
  ];
  const talked = `the agent talked ${percent(ratio)} of the time`;
  const params = (limit?: number): ReasonParams => ({
    ratio: percent(ratio),
    ...(limit === undefined ? {} : { limit: percent(limit) }),
  });
  if (config.max !== undefined && ratio > config.max) {
    return {
      result: 'fail',
      evidence,
      reason: `${talked}, above the ${percent(config.max)} maximum`,
      reasonCode: 'talkRatio.above',
      reasonParams: params(config.max),
    };
  }
  if (config.min !== undefined && ratio < config.min) {
    return {
      result: 'fail',
      evidence,
      reason: `${talked}, below the ${percent(config.min)} minimum`,
      reasonCode: 'talkRatio.below',
      reasonParams: params(config.min),
    };
  }
  return {
    result: 'pass',
    evidence,
    reason: `${talked}, within bounds`,
    reasonCode: 'talkRatio.within',
    reasonParams: params(),
  };
}
