/**
 * A criterion's answer scale (`yes_no`, `1-5`, `0-N`), its `critical` rule and its `coaching`
 * texts, as the scorecard format writes them. Problems are `SchemaProblem`s. Pure.
 */
import type { CriticalScope, Scale } from './scorecard-definition';
import { describe, fail } from '../scorecard-schema/scorecard-problem';
import {
  choice,
  expectMapping,
  isFiniteNumber,
  isMapping,
  join,
  rejectUnknownFields,
  text,
} from '../scorecard-schema/schema-fields';

const SCOPES: readonly CriticalScope[] = ['evaluation', 'section'];
const MAX_POINTS = 100;
const CRITICAL_FIELDS = ['scope', 'failBelow'] as const;
const COACHING_FIELDS = ['good', 'phrases'] as const;

/** `yes_no`, `1-5` or `0-N`; YAML reads all three as plain strings, so no quoting is needed. */
export function parseScale(value: unknown, path: string): Scale {
  if (value === 'yes_no') return { type: 'yes_no' };
  if (value === '1-5') return { type: 'rating', min: 1, max: 5 };
  const points = typeof value === 'string' ? /^0-(\d+)$/.exec(value) : null;
  if (points === null) fail(path, 'scale', { got: describe(value) });
  const max = Number(points[1]);
  if (max < 1 || max > MAX_POINTS) {
    fail(path, 'points', { max: String(MAX_POINTS), got: describe(value) });
  }
  return { type: 'points', max };
}

/**
 * The lowest answer that does NOT fail. The default is the natural "bad answer" line:
 * a "no", a rating of 1 or 2, anything short of full points.
 */
function defaultFailBelow(scale: Scale): number {
  switch (scale.type) {
    case 'yes_no':
      return 1;
    case 'rating':
      return 3;
    case 'points':
      return scale.max;
  }
}

/**
 * failBelow must be able to both fail and pass: at or below the scale's lowest answer nothing
 * could fail, above its highest answer everything would.
 */
function failBelowRange(scale: Scale): { min: number; max: number; scaleName: string } {
  switch (scale.type) {
    case 'yes_no':
      return { min: 1, max: 1, scaleName: 'yes_no' };
    case 'rating':
      return { min: 2, max: 5, scaleName: '1-5' };
    case 'points':
      return { min: 1, max: scale.max, scaleName: `0-${scale.max}` };
  }
}

export function parseCritical(
  value: unknown,
  scale: Scale,
  path: string,
): { scope: CriticalScope; failBelow: number } {
  if (typeof value === 'string') {
    return { scope: choice(value, path, SCOPES), failBelow: defaultFailBelow(scale) };
  }
  if (!isMapping(value)) fail(path, 'critical', { got: describe(value) });
  rejectUnknownFields(value, CRITICAL_FIELDS, path);
  if (value.scope === undefined) fail(join(path, 'scope'), 'required');
  const scope = choice(value.scope, join(path, 'scope'), SCOPES);
  const failBelow =
    value.failBelow === undefined
      ? defaultFailBelow(scale)
      : parseFailBelow(value.failBelow, scale, join(path, 'failBelow'));
  return { scope, failBelow };
}

function parseFailBelow(value: unknown, scale: Scale, path: string): number {
  const { min, max, scaleName } = failBelowRange(scale);
  // Answers are whole numbers, so a fractional threshold would only hide the real cut-off.
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < min || value > max) {
    const got = describe(value);
    if (min === max) fail(path, 'failBelowExact', { value: String(min), scale: scaleName, got });
    fail(path, 'failBelowRange', { min: String(min), max: String(max), scale: scaleName, got });
  }
  return value;
}

export function parseCoaching(value: unknown, path: string): { good?: string; phrases?: string[] } {
  const map = expectMapping(value, path);
  rejectUnknownFields(map, COACHING_FIELDS, path);
  const good = map.good === undefined ? undefined : text(map.good, join(path, 'good'));
  const phrases =
    map.phrases === undefined ? undefined : textList(map.phrases, join(path, 'phrases'));
  return {
    ...(good === undefined ? {} : { good }),
    ...(phrases === undefined ? {} : { phrases }),
  };
}

function textList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, 'textList', { got: describe(value) });
  return value.map((item: unknown, i) => text(item, `${path}[${i}]`));
}
