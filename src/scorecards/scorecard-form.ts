/**
 * The scorecard form editor's model: the fields a person edits (sections, criteria, scale,
 * weight, N/A, critical, guidance, coaching text, the `auto` block as YAML text) read from a
 * scorecard file, and written back INTO that file. The file stays the source of truth: the form
 * changes the YAML document (its comments and the fields the form does not show, such as
 * `abuseProtection`, stay), and the text it gives is then checked by the same parser as every
 * file (`parseScorecardYaml`). Pure: no framework, no I/O.
 */
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { problemIn } from '../scorecard-schema/scorecard-problem';

export const SCALE_TYPES = ['yes_no', '1-5', 'points'] as const;
export const CRITICAL_SCOPES = ['', 'evaluation', 'section'] as const;

export interface CriterionForm {
  /** Where the criterion was in the file (`1.0`: section 1, criterion 0); empty for a new one. */
  from: string;
  key: string;
  label: string;
  guidance: string;
  scaleType: string;
  /** N of a `0-N` scale. */
  points: string;
  weight: string;
  na: boolean;
  /** '' (not critical), 'evaluation' or 'section'. */
  critical: string;
  /** Empty: the scale's default. */
  failBelow: string;
  good: string;
  /** Recommended phrases, one a line. */
  phrases: string;
  /** The `auto` block as YAML text (empty: no automatic pre-scoring). */
  auto: string;
  /** A sample answer for the score preview ('' = unanswered, 'na' = N/A); not written. */
  sample: string;
}

export interface SectionForm {
  from: string;
  key: string;
  label: string;
  weight: string;
  criteria: CriterionForm[];
}

export interface ScorecardForm {
  name: string;
  language: string;
  channel: string;
  description: string;
  passingScore: string;
  /** The scorecard's `autoQa` block (phrase families, reviewBelow …) as YAML text. */
  autoQa: string;
  sections: SectionForm[];
}

const WRITE_OPTIONS = { lineWidth: 100, flowCollectionPadding: false } as const;

/** The form of a scorecard file, as it is written (phrase libraries are not merged in). */
export function formOf(text: string): ScorecardForm {
  const doc = parseDocument(text);
  const data = asRecord(doc.toJS() as unknown);
  const sections = isSeq(doc.get('sections')) ? (doc.get('sections') as YAMLSeq).items : [];
  return {
    name: str(data.name),
    language: str(data.language),
    channel: str(data.channel) || 'voice',
    description: str(data.description),
    passingScore: data.passingScore === undefined ? '' : str(data.passingScore),
    autoQa: yamlOf(doc.get('autoQa', true)),
    sections: sections.map((node, s) => {
      const section = asRecord(isMap(node) ? (node.toJSON() as unknown) : {});
      const criteria = isMap(node) && isSeq(node.get('criteria')) ? node.get('criteria') : null;
      return {
        from: String(s),
        key: str(section.key),
        label: str(section.label),
        weight: section.weight === undefined ? '' : str(section.weight),
        criteria: ((criteria as YAMLSeq | null)?.items ?? []).map((c, i) =>
          criterionForm(c, `${s}.${i}`),
        ),
      };
    }),
  };
}

function criterionForm(node: unknown, from: string): CriterionForm {
  const c = asRecord(isMap(node) ? (node.toJSON() as unknown) : {});
  const scale = str(c.scale);
  const points = /^0-(\d+)$/.exec(scale);
  const critical = c.critical;
  const criticalMap = asRecord(critical);
  const coaching = asRecord(c.coaching);
  return {
    from,
    key: str(c.key),
    label: str(c.label),
    guidance: str(c.guidance),
    scaleType: points ? 'points' : scale,
    points: points ? points[1] : '',
    weight: c.weight === undefined ? '' : str(c.weight),
    na: c.na === true,
    critical: typeof critical === 'string' ? critical : str(criticalMap.scope),
    failBelow: criticalMap.failBelow === undefined ? '' : str(criticalMap.failBelow),
    good: str(coaching.good),
    phrases: Array.isArray(coaching.phrases) ? coaching.phrases.map(str).join('\n') : '',
    auto: isMap(node) ? yamlOf(node.get('auto', true)) : '',
    sample: '',
  };
}

/**
 * The file's text with the form applied. Fields the form leaves empty are removed from the file
 * (the parser's defaults apply); a criterion or section keeps the comments it had. A problem the
 * YAML parser finds in an `auto` or `autoQa` text is reported at that field, with its line.
 */
export function applyForm(text: string, form: ScorecardForm, file: string): string {
  const doc = parseDocument(text);
  const oldSections = isSeq(doc.get('sections')) ? [...(doc.get('sections') as YAMLSeq).items] : [];
  // The file's criteria, by section, before the form's sections replace their lists.
  const oldCriteria = oldSections.map((node) => {
    const list = isMap(node) ? node.get('criteria') : null;
    return isSeq(list) ? [...list.items] : [];
  });
  setText(doc, 'name', form.name);
  setText(doc, 'language', form.language);
  setText(doc, 'channel', form.channel);
  setText(doc, 'description', form.description);
  setValue(doc, 'passingScore', numberOrText(form.passingScore));
  setNode(doc, 'autoQa', blockNode(doc, form.autoQa, file, 'autoQa'));
  const sections = doc.createNode([]) as YAMLSeq;
  const used = new Set<string>();
  form.sections.forEach((section, s) => {
    const path = `sections[${s}]`;
    const node = reuse(doc, oldSections[Number(section.from)], `s${section.from}`, used);
    setText(node, 'key', section.key);
    setText(node, 'label', section.label);
    setValue(node, 'weight', numberOrText(section.weight));
    const criteria = doc.createNode([]) as YAMLSeq;
    section.criteria.forEach((c, i) => {
      criteria.items.push(
        criterionNode(doc, oldCriteria, c, { file, path: `${path}.criteria[${i}]`, used }),
      );
    });
    node.set('criteria', criteria);
    sections.items.push(node);
  });
  doc.set('sections', sections);
  return doc.toString(WRITE_OPTIONS);
}

function criterionNode(
  doc: Document,
  oldCriteria: unknown[][],
  c: CriterionForm,
  { file, path, used }: { file: string; path: string; used: Set<string> },
): YAMLMap {
  const [s, i] = c.from.split('.');
  const old = /^\d+\.\d+$/.test(c.from) ? oldCriteria[Number(s)]?.[Number(i)] : null;
  const node = reuse(doc, old, `c${c.from}`, used);
  setText(node, 'key', c.key);
  setText(node, 'label', c.label);
  setText(node, 'guidance', c.guidance);
  setText(node, 'scale', c.scaleType === 'points' ? `0-${c.points.trim()}` : c.scaleType);
  setValue(node, 'weight', numberOrText(c.weight));
  setValue(node, 'na', c.na ? true : undefined);
  const failBelow = numberOrText(c.failBelow);
  if (c.critical === '') node.delete('critical');
  else if (failBelow === undefined) node.set('critical', c.critical);
  else node.set('critical', doc.createNode({ scope: c.critical, failBelow }));
  const phrases = c.phrases
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const good = c.good.trim();
  if (good === '' && phrases.length === 0) node.delete('coaching');
  else {
    const coaching = isMap(node.get('coaching')) ? (node.get('coaching') as YAMLMap) : null;
    const target = coaching ?? doc.createNode({});
    setText(target, 'good', good);
    setValue(target, 'phrases', phrases.length > 0 ? doc.createNode(phrases) : undefined);
    node.set('coaching', target);
  }
  setNode(node, 'auto', blockNode(doc, c.auto, file, `${path}.auto`));
  return node;
}

/**
 * The node a section or criterion had in the file (it keeps its comments), or a new mapping: for
 * a new one, or when a form names the same origin twice.
 */
function reuse(doc: Document, old: unknown, from: string, used: Set<string>): YAMLMap {
  if (from.length > 1 && isMap(old) && !used.has(from)) {
    used.add(from);
    return old;
  }
  return doc.createNode({});
}

/** A block typed as YAML text (`auto`, `autoQa`): its node, or undefined when left empty. */
function blockNode(doc: Document, text: string, file: string, path: string): unknown {
  if (text.trim() === '') return undefined;
  const block = parseDocument(text.replace(/\r\n?/g, '\n'));
  const problem = block.errors[0] ?? block.warnings[0];
  if (problem !== undefined) {
    const line = problem.linePos?.[0]?.line;
    const detail = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw problemIn(
      file,
      path,
      line === undefined ? 'blockYaml' : 'blockYamlLine',
      line === undefined ? { detail } : { line: String(line), detail },
    );
  }
  if (!isMap(block.contents)) throw problemIn(file, path, 'blockMapping');
  return block.contents;
}

/** A node's YAML text (with the comments inside it), for a text area. */
function yamlOf(node: unknown): string {
  if (!isMap(node)) return '';
  const doc = new Document();
  doc.contents = node;
  return doc.toString(WRITE_OPTIONS).replace(/\n$/, '');
}

type Target = Document | YAMLMap;

/** Browsers post text areas with CRLF line ends. */
function setText(target: Target, key: string, value: string): void {
  const text = value.replace(/\r\n?/g, '\n').trim();
  setValue(target, key, text === '' ? undefined : text);
}

function setValue(target: Target, key: string, value: unknown): void {
  if (value === undefined) target.delete(key);
  else if (target.get(key) !== value) target.set(key, value);
}

function setNode(target: Target, key: string, node: unknown): void {
  if (node === undefined) target.delete(key);
  else target.set(key, node);
}

/** `0.4` → 0.4; anything else stays text so that the schema refuses it with its value. */
function numberOrText(value: string): number | string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : v;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
