import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'fs';
import * as path from 'path';
import type { Actor } from '../common/current-user';
import { DomainError, InputError, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  AnswerValidationError,
  computeScore,
  scaleRange,
  type AnswerInput,
  type ScoreBreakdown,
} from '../scoring/score-formula';
import { readPhraseLibraries } from './phrase-libraries';
import type { ScorecardDefinition } from './scorecard-definition';
import { applyForm, formOf, type ScorecardForm } from './scorecard-form';
import { problemIn, problemOf, type ProblemAt } from '../scorecard-schema/scorecard-problem';
import { parseScorecardYaml, ScorecardValidationError } from './scorecard-schema';
import { ScorecardsService, type SyncResult } from './scorecards.service';

/** The YAML file of a scorecard as it is on disk now, with a fingerprint to detect stale edits. */
export interface ScorecardSource {
  key: string;
  /** Shown and stored name: `scorecards/voice-en.yaml`. */
  file: string;
  text: string;
  fileHash: string;
}

/** A sample of answers and the score the formula gives it. */
export interface PreviewSample {
  name: 'best' | 'lowest_first' | 'lowest';
  score: ScoreBreakdown;
}

export type PreviewResult =
  | { ok: true; definition: ScorecardDefinition; samples: PreviewSample[] }
  | ({ ok: false } & ProblemAt);

/** The score formula on the sample answers typed in the form, or why they cannot be scored. */
export type SampleScore =
  { ok: true; score: ScoreBreakdown; answered: number } | ({ ok: false } & ProblemAt);

/** The form's text checked as the scorecard: its definition, or the first problem. */
export type FormDraft =
  { ok: true; text: string; definition: ScorecardDefinition } | ({ ok: false } & ProblemAt);

/** The file changed on disk since the editor was opened: publishing would overwrite that change. */
export class StaleScorecardFileError extends DomainError {
  readonly status = 409;
  override readonly field = 'baseHash';
  override readonly messageKey = { key: 'scorecardEdit.stale' };
  constructor(file: string) {
    super(`${file} changed since you opened it; reload the editor and apply your change again`);
  }
}

const MAX_YAML_CHARS = 200_000;

/**
 * Editing a scorecard's YAML in the browser (admins). The file in the scorecards folder stays
 * the source of truth: publishing writes the file, then runs the same sync as start-up, so the
 * new version is created exactly as if the file had been edited on the server.
 */
@Injectable()
export class ScorecardEditorService {
  private publishing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scorecards: ScorecardsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The current file of a scorecard (the file its newest version came from). */
  async source(key: string): Promise<ScorecardSource> {
    const current = await this.scorecards.current(key);
    const name = path.basename(current.sourceFile);
    const full = path.join(this.config.scorecardsDir, name);
    if (!fs.existsSync(full)) throw new NotFoundError('scorecard file', current.sourceFile);
    const text = fs.readFileSync(full, 'utf8');
    return { key, file: current.sourceFile, text, fileHash: hashOf(text) };
  }

  /** The scorecard's file as the form editor's fields, with the file's fingerprint. */
  async form(key: string): Promise<{ source: ScorecardSource; form: ScorecardForm }> {
    const source = await this.source(key);
    return { source, form: formOf(source.text) };
  }

  /**
   * The form written into the scorecard's current file and checked by the same parser as every
   * file: the text it would publish and its definition, or the first problem with its path.
   */
  async draft(key: string, form: ScorecardForm): Promise<FormDraft> {
    const source = await this.source(key);
    try {
      const text = applyForm(source.text, form, source.file);
      return { ok: true, text, definition: this.parse(key, text, source.file) };
    } catch (e) {
      if (!(e instanceof ScorecardValidationError)) throw e;
      return { ok: false, ...problemOf(e) };
    }
  }

  /**
   * Publishes the form: its text goes through `publish` (stale check, parser, file, sync).
   * Refused with the problem's path as the field when the form does not make a valid scorecard.
   */
  async publishForm(
    actor: Actor,
    key: string,
    form: ScorecardForm,
    baseHash: string,
  ): Promise<SyncResult> {
    const draft = await this.draft(key, form);
    if (!draft.ok) throw new InputError(draft.path, draft.reason, draft.messageKey);
    return this.publish(actor, key, draft.text, baseHash);
  }

  /** Validates the text as the scorecard `key` and scores sample answers with it. */
  async preview(key: string, text: string): Promise<PreviewResult> {
    const { file } = await this.source(key);
    try {
      const definition = this.parse(key, text, file);
      return { ok: true, definition, samples: samplesOf(definition) };
    } catch (e) {
      if (!(e instanceof ScorecardValidationError)) throw e;
      return { ok: false, ...problemOf(e) };
    }
  }

  /**
   * Writes the text to the scorecard's file and syncs: a valid change becomes the next version.
   * Refused, with nothing written, when the text is invalid or the file changed since `baseHash`.
   */
  async publish(actor: Actor, key: string, text: string, baseHash: string): Promise<SyncResult> {
    // Two publishes in this process take turns, so the second one sees the first one's file.
    const turn = this.publishing.then(() => this.publishNow(actor, key, text, baseHash));
    this.publishing = turn.catch(() => undefined);
    return turn;
  }

  private async publishNow(
    actor: Actor,
    key: string,
    text: string,
    baseHash: string,
  ): Promise<SyncResult> {
    const source = await this.source(key);
    if (source.fileHash !== baseHash) throw new StaleScorecardFileError(source.file);
    try {
      this.parse(key, text, source.file);
    } catch (e) {
      if (!(e instanceof ScorecardValidationError)) throw e;
      throw new InputError(`yaml.${e.path}`, e.reason, e.messageKey);
    }
    const full = path.join(this.config.scorecardsDir, path.basename(source.file));
    const temp = `${full}.${process.pid}.tmp`;
    fs.writeFileSync(temp, normalised(text), 'utf8');
    fs.renameSync(temp, full);
    const results = await this.scorecards.syncFromFiles(actor);
    const mine = results.find((r) => r.file === source.file);
    if (!mine) throw new NotFoundError('scorecard file', source.file);
    return mine;
  }

  private parse(key: string, text: string, file: string): ScorecardDefinition {
    if (text.length > MAX_YAML_CHARS) {
      throw problemIn(file, '(file)', 'tooLong', { max: String(MAX_YAML_CHARS) });
    }
    const definition = parseScorecardYaml(
      text,
      file,
      readPhraseLibraries(this.config.scorecardsDir),
    );
    if (definition.key !== key) {
      throw problemIn(file, 'key', 'keyMustStay', { key });
    }
    return definition;
  }
}

/**
 * The score formula on the form's sample answers ('' unanswered, 'na' N/A, else a value): the
 * same pure function as evaluations, so the preview is what an evaluation with them would get.
 */
export function scoreSamples(definition: ScorecardDefinition, form: ScorecardForm): SampleScore {
  const answers: Record<string, AnswerInput> = {};
  const paths = new Map<string, string>();
  form.sections.forEach((section, s) =>
    section.criteria.forEach((c, i) => {
      const path = `sections[${s}].criteria[${i}].sample`;
      const sample = c.sample.trim().toLowerCase();
      if (sample === '') return;
      paths.set(c.key.trim(), path);
      answers[c.key.trim()] = { value: sample === 'na' ? null : Number(sample) };
    }),
  );
  try {
    return {
      ok: true,
      score: computeScore(definition, answers),
      answered: Object.keys(answers).length,
    };
  } catch (e) {
    if (!(e instanceof AnswerValidationError)) throw e;
    return {
      ok: false,
      path: paths.get(e.field) ?? e.field,
      reason: e.reason,
      messageKey: e.messageKey,
    };
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Browsers post text areas with CRLF line ends; the files keep LF and end with one newline. */
function normalised(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/\n*$/, '')}\n`;
}

/** Every criterion at its best; the first criterion at its lowest; every criterion at its lowest. */
function samplesOf(definition: ScorecardDefinition): PreviewSample[] {
  const criteria = definition.sections.flatMap((s) => s.criteria);
  const answers = (lowest: (index: number) => boolean) =>
    Object.fromEntries(
      criteria.map((c, i) => {
        const range = scaleRange(c.scale);
        return [c.key, { value: lowest(i) ? range.min : range.max }];
      }),
    );
  return [
    {
      name: 'best',
      score: computeScore(
        definition,
        answers(() => false),
      ),
    },
    {
      name: 'lowest_first',
      score: computeScore(
        definition,
        answers((i) => i === 0),
      ),
    },
    {
      name: 'lowest',
      score: computeScore(
        definition,
        answers(() => true),
      ),
    },
  ];
}
