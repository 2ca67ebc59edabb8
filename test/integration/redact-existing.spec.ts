/**
 * Retro-redaction: calls stored verbatim (imported before redaction existed, or while it was
 * off) are redacted in place as the import would have, findings recorded, evidence quotes
 * trimmed; in batches, resumable; `npm run cli -- redact-existing [--dry-run]`.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { transaction } from '../../src/database/transaction';
import { EvaluationAnswer } from '../../src/evaluations/entities/evaluation-answer.entity';
import { EvaluationWriter } from '../../src/evaluations/evaluation-writer';
import { ImportService } from '../../src/imports/import.service';
import { Interaction } from '../../src/interactions/entities/interaction.entity';
import { Turn } from '../../src/interactions/entities/turn.entity';
import { RetroRedactionService } from '../../src/retention/retro-redaction.service';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import type { ParsedTranscript } from '../../src/transcripts/transcript';
import { bestAnswers } from '../support/answers';
import { FAKE_IDENTIFIERS } from '../support/fake-identifiers';
import {
  fixture,
  FIXTURES,
  REPO_ROOT,
  startTestApp,
  TestApp,
  wipePostgres,
} from '../support/test-app';

jest.setTimeout(180_000);

const PII_CALL = JSON.parse(fixture('privacy', 'call-with-identifiers.json').toString('utf8')) as {
  notes: string;
  turns: { speaker: string; startMs: number; endMs: number; text: string }[];
};

function verbatim(externalId: string): ParsedTranscript {
  return {
    meta: {
      externalId,
      source: 'legacy-pbx',
      channel: 'voice',
      language: 'ko',
      startedAt: '2026-11-02T09:15:00+09:00',
      notes: PII_CALL.notes,
    },
    turns: PII_CALL.turns.map((t) => ({ ...t, speaker: t.speaker as 'agent' | 'customer' })),
  };
}

describe('redact-existing (service)', () => {
  let t: TestApp;
  let config: AppConfig;
  const stored = async (externalId: string) => {
    const call = await t.dataSource.getRepository(Interaction).findOneByOrFail({ externalId });
    const turns = await t.dataSource
      .getRepository(Turn)
      .find({ where: { interactionId: call.id }, order: { seq: 'ASC' } });
    return { call, texts: turns.map((turn) => turn.text) };
  };

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    config = t.app.get<AppConfig>(APP_CONFIG);
    // As before redaction existed: the calls go in verbatim.
    config.redaction.enabled = false;
    const imports = t.app.get(ImportService);
    await imports.storeAll('old.json', [verbatim('OLD-1')]);
    await imports.storeAll(
      'old-batch.json',
      Array.from({ length: 59 }, (_, i) => verbatim(`OLD-B${i}`)),
    );
    config.redaction.enabled = true;
  });
  afterAll(() => t.close());

  it('stores verbatim calls as verbatim (the state this command is for)', async () => {
    const { call, texts } = await stored('OLD-1');
    expect(call.redactedAt).toBeNull();
    expect(texts[3]).toContain('850101-1234566');
  });

  it('counts in a dry run and writes nothing', async () => {
    const report = await t.app.get(RetroRedactionService).run({ dryRun: true });
    expect(report).toMatchObject({ dryRun: true, calls: 60, changed: 60, notes: 60, skipped: 0 });
    expect(report.findings.resident_id).toBe(60);
    const { call, texts } = await stored('OLD-1');
    expect(call.redactedAt).toBeNull();
    expect(texts[3]).toContain('850101-1234566');
  });

  it('redacts as the import does, records findings, trims evidence, and resumes after a stop', async () => {
    const version = await t.app.get(ScorecardsService).current('voice-ko');
    const old = await stored('OLD-1');
    const { id: evaluationId } = await transaction(t.dataSource, (manager) =>
      t.app.get(EvaluationWriter).create(manager, {
        interactionId: old.call.id,
        scorecardVersion: version,
        evaluatorId: null,
        kind: 'auto',
        status: 'submitted',
        answers: bestAnswers(version.definition).map((a, i) =>
          i === 0
            ? {
                ...a,
                evidence: {
                  reason: 'quoted',
                  items: [{ turn: 3, startMs: 12200, text: old.texts[3] }],
                },
              }
            : a,
        ),
      }),
    );

    // The run stops after its first batch (50 calls): those are committed and marked.
    const service = t.app.get(RetroRedactionService);
    await expect(
      service.run({ dryRun: false }, () => {
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await service.pending()).toBe(10);

    const rest = await service.run({ dryRun: false });
    expect(rest).toMatchObject({ calls: 10, changed: 10 });
    expect(await service.pending()).toBe(0);

    const { call, texts } = await stored('OLD-1');
    expect(call.redactedAt).toBeInstanceOf(Date);
    expect(texts[3]).toBe('홍길동이고 주민번호는 [주민번호]이에요');
    expect(texts.slice(5, 8)).toEqual(['[전화번호]', '네', '[전화번호]요']);
    expect(texts[11]).toBe('[카드번호] 이에요. 주소는 서울시 강남구 [주소]예요');
    expect(texts[12]).toContain('89,000원 중 35,000원');
    expect(call.notes).toBe('고객 연락처 [전화번호], 환불 계좌 [계좌번호] 안내 완료');
    const everything = JSON.stringify({ call, texts });
    for (const value of FAKE_IDENTIFIERS) expect(everything).not.toContain(value);

    const findings = await t.dataSource.query<{ kind: string; turnSeq: number | null }[]>(
      `SELECT "kind", "turnSeq" FROM "redaction_findings" WHERE "interactionId" = ${call.id}`,
    );
    expect(findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['resident_id', 'phone', 'account', 'email', 'card', 'address']),
    );
    expect(findings.filter((f) => f.turnSeq === null)).toHaveLength(2);

    const [answer] = (
      await t.dataSource.getRepository(EvaluationAnswer).findBy({ evaluationId })
    ).filter((a) => a.evidence);
    expect(answer.evidence!.items[0].text).toBe('홍길동이고 주민번호는 [주민번호]이에요');

    // A second run has nothing left to do, and leaves the findings as they are.
    expect(await service.run({ dryRun: false })).toMatchObject({ calls: 0, changed: 0 });
    const again = await t.dataSource.query<{ n: string | number }[]>(
      `SELECT COUNT(*) AS "n" FROM "redaction_findings" WHERE "interactionId" = ${call.id}`,
    );
    expect(Number(again[0].n)).toBe(findings.length);
  });

  it('marks a call imported with redaction on as redacted at import', async () => {
    await t.app.get(ImportService).storeAll('new.json', [verbatim('NEW-1')]);
    expect((await stored('NEW-1')).call.redactedAt).toBeInstanceOf(Date);
    expect(await t.app.get(RetroRedactionService).pending()).toBe(0);
  });
});

describe('npm run cli -- redact-existing', () => {
  const run = promisify(execFile);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-redact-'));
  const cli = (env: Record<string, string>, ...args: string[]) =>
    run('node', ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
    });
  beforeAll(async () => {
    if (process.env.DATABASE_URL) await wipePostgres(process.env.DATABASE_URL);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reports a dry run, then redacts', async () => {
    const file = path.join(FIXTURES, 'privacy', 'call-with-identifiers.json');
    await cli({ REDACTION: 'off', AUTOQA: 'off' }, 'import', file);
    const dry = await cli({ AUTOQA: 'off' }, 'redact-existing', '--dry-run');
    expect(dry.stdout).toContain('Would redact 1 of 1 calls stored verbatim: 6 turns, 1 notes.');
    expect(dry.stdout).toContain('Nothing was written (--dry-run).');
    const done = await cli({ AUTOQA: 'off' }, 'redact-existing');
    expect(done.stdout).toContain('Redacted 1 of 1 calls stored verbatim: 6 turns, 1 notes.');
    expect(done.stdout).toMatch(/Findings: .*resident_id 1/);
  });
});
