/** `talk_ratio`: agent talk time / (agent + customer talk time) within bounds. N/A on chat. */
import type { DetectorOutcome, TalkRatioBlock } from '../autoqa.types';
import type { CallContext } from './context';
import { NOT_ON_CHAT, percent } from './shared';

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
  if (ratio === null) return { result: 'na', evidence: [], reason: 'nobody talked in this call' };
  const by = source === undefined ? '' : ' (measured by the source)';
  const evidence = [
    {
      turn: null,
      startMs: null,
      text: `agent talk time ${percent(ratio)} of agent and customer talk time${by}`,
      value: Math.round(ratio * 1000) / 1000,
    },
  ];
  const talked = `the agent talked ${percent(ratio)} of the time`;
  if (config.max !== undefined && ratio > config.max) {
    return {
      result: 'fail',
      evidence,
      reason: `${talked}, above the ${percent(config.max)} maximum`,
    };
  }
  if (config.min !== undefined && ratio < config.min) {
    return {
      result: 'fail',
      evidence,
      reason: `${talked}, below the ${percent(config.min)} minimum`,
    };
  }
  return { result: 'pass', evidence, reason: `${talked}, within bounds` };
}
