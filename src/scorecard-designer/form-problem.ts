/**
 * A problem the scorecard schema found in the form, placed and worded for the page: which
 * section or criterion (by its label), which field (by the form's own label) and why, in the
 * page's language: every check of the file, its `auto` blocks and the sample answers gives a
 * message key; a refusal without one is shown as it is.
 */
import { hasTranslation, translate } from '../common/i18n/i18n';
import type { MessageKey } from '../common/errors';
import type { ScorecardForm } from '../scorecards/scorecard-form';
import { problemText } from '../scorecard-schema/scorecard-problem';

export interface LocatedProblem {
  path: string;
  section: number | null;
  criterion: number | null;
  /** The form field the problem is in ('weight', 'auto', 'sample' …). */
  field: string;
  text: string;
}

export function locateProblem(
  lang: string,
  form: ScorecardForm,
  path: string,
  /** The problem's key, worded in `lang`; a text is shown as it is. */
  problem: MessageKey | string,
): LocatedProblem {
  const m = /^sections\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  const section = m ? Number(m[1]) : null;
  const criterion = m?.[2] !== undefined ? Number(m[2]) : null;
  const rest = m ? (m[3] ?? '') : path;
  const field = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
  // A field the form labels is named by its label; anything else by its path.
  const fieldName = hasTranslation(`scorecardForm.field.${field}`)
    ? translate(lang, `scorecardForm.field.${field}`)
    : rest;
  const why = typeof problem === 'string' ? problem : problemText(lang, problem);
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
