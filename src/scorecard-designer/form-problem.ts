/**
 * A problem the scorecard schema found in the form, placed and worded for the page: which
 * section or criterion (by its label), which field (by the form's own label) and why, in the
 * page's language: the schema's message key when the problem has one (every check of the file
 * and its `auto` blocks), else the English reason matched to a locale key (the sample answers),
 * else the reason as it is.
 */
import { translate } from '../common/i18n/i18n';
import type { MessageKey } from '../common/errors';
import type { ScorecardForm } from '../scorecards/scorecard-form';
import { problemText } from '../scorecards/scorecard-problem';

export interface LocatedProblem {
  path: string;
  section: number | null;
  criterion: number | null;
  /** The form field the problem is in ('weight', 'auto', 'sample' …). */
  field: string;
  text: string;
}

const FIELDS = [
  'key',
  'label',
  'guidance',
  'scale',
  'weight',
  'na',
  'critical',
  'coaching',
  'auto',
  'sample',
  'name',
  'language',
  'channel',
  'description',
  'passingScore',
  'autoQa',
  'abuseProtection',
  'sections',
  'criteria',
] as const;

const REASONS: [RegExp, string, string[]][] = [
  [/^is required$/, 'required', []],
  [/^must be a non-empty text/, 'text', []],
  [/^must be a number greater than 0 \(got (.*)\)$/, 'positive', ['got']],
  [/^must be a number from 0 to 100 \(got (.*)\)$/, 'percent', ['got']],
  [/^must match .* \(got (.*)\)$/, 'key', ['got']],
  [
    /^duplicate (?:criterion|section) key "(.*)" \(already used at (.*)\)$/,
    'duplicate',
    ['key', 'at'],
  ],
  [/^must be one of (.*) \(got (.*)\)$/, 'oneOf', ['choices', 'got']],
  [/^0-N needs a whole N from 1 to (\d+) \(got (.*)\)$/, 'points', ['max', 'got']],
  [/^must be (.*) for a (.*) scale \(got (.*)\)$/, 'failBelow', ['allowed', 'scale', 'got']],
  [/^must contain at least one/, 'empty', []],
  [/^invalid YAML \(line (\d+) of the block\): (.*)$/, 'yamlLine', ['line', 'detail']],
  [/^invalid YAML: (.*)$/, 'yaml', ['detail']],
  [/^must be a mapping/, 'mapping', []],
  [
    /^value (.*) is outside the scale \(a whole number from (-?\d+) to (\d+)\)$/,
    'sample',
    ['got', 'min', 'max'],
  ],
  [/^N\/A is not allowed/, 'sampleNa', []],
];

export function locateProblem(
  lang: string,
  form: ScorecardForm,
  path: string,
  reason: string,
  messageKey?: MessageKey,
): LocatedProblem {
  const m = /^sections\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  const section = m ? Number(m[1]) : null;
  const criterion = m?.[2] !== undefined ? Number(m[2]) : null;
  const rest = m ? (m[3] ?? '') : path;
  const field = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
  const fieldName = (FIELDS as readonly string[]).includes(field)
    ? translate(lang, `scorecardForm.field.${field}`)
    : rest;
  const why = messageKey ? problemText(lang, messageKey) : reasonText(lang, reason);
  const s = section === null ? undefined : form.sections[section];
  const c = criterion === null ? undefined : s?.criteria[criterion];
  let where: string;
  if (c) {
    where = translate(lang, 'scorecardForm.at.criterion', {
      name: c.label.trim() || c.key.trim() || `#${(criterion ?? 0) + 1}`,
      field: fieldName,
    });
  } else if (s) {
    where = translate(lang, 'scorecardForm.at.section', {
      name: s.label.trim() || s.key.trim() || `#${(section ?? 0) + 1}`,
      field: fieldName,
    });
  } else {
    where = fieldName || path;
  }
  const detail = rest.includes('.') || rest.includes('[') ? ` (${rest})` : '';
  return { path, section, criterion, field, text: `${where}${detail}: ${why}` };
}

function reasonText(lang: string, reason: string): string {
  for (const [pattern, key, names] of REASONS) {
    const m = pattern.exec(reason);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']));
    return translate(lang, `scorecardForm.reason.${key}`, params);
  }
  return reason;
}
