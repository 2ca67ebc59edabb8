/**
 * The coaching plan PDF never leaves a heading alone at the bottom of a page: the same plan is
 * printed (Chromium, the app's renderer) with more or fewer strengths above the focus section,
 * so the page break falls at every point of it, and no page may end on a section heading or a
 * focus criterion's title. (With the template before headings were kept with what follows,
 * every one of these layouts ended its first page on the focus section's heading.)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { PlanContent } from '../../src/coaching/plan-content';
import { renderPlanHtml } from '../../src/coaching/plan-pdf';
import { translate } from '../../src/common/i18n/i18n';
import { PdfRenderer } from '../../src/pdf/pdf-renderer';

jest.setTimeout(240_000);

const HEADINGS = [
  'coaching.summary',
  'coaching.previousProgress',
  'coaching.strengths',
  'coaching.focus',
  'coaching.goals',
  'coaching.actions',
].map((key) => translate('ko', key));

function plan(strengths: number): PlanContent {
  const focus = (n: number, label: string) => ({
    scorecardKey: 'voice-ko',
    key: `criterion_${n}`,
    label,
    guidance:
      '요약 후 통화를 끝내기 전에 다른 문의나 도움이 필요한 사항이 있는지 물었는지 확인합니다.',
    good: '요약 직후 자연스럽게 추가 문의를 묻고, 고객이 생각하고 말할 틈을 충분히 줍니다.',
    phrases: ['혹시 더 도와드릴 일이 있으실까요?', '오늘 다른 문의 사항은 없으신가요?'],
    agentRate: 0.5,
    teamRate: 0.8,
    misses: 5,
    excerpts: [1, 2].map((i) => ({
      interactionId: i,
      externalId: `DEMO-00000${i}`,
      timeMs: 60_000 * i,
      speaker: 'agent',
      text: '네, 처리해 드렸습니다. 좋은 하루 보내세요.',
    })),
    exemplar: {
      interactionId: 9,
      externalId: 'DEMO-000009',
      timeMs: 120_000,
      speaker: 'agent',
      text: '다른 문의 사항은 없으신가요?',
      agentName: '김민준',
    },
    targetRate: 0.65,
    reason: 'team' as const,
    actions: [`‘${label}’: 역할극으로 연습하기`],
  });
  const focusItems = [
    focus(1, '추가 문의 확인'),
    focus(2, '본인 확인'),
    focus(3, '대기 안내 예절'),
  ];
  return {
    agent: { externalId: 'A-002', name: '이서연', team: '상담 1팀' },
    period: { from: '2026-10-12', to: '2026-12-06' },
    summary: {
      evaluations: 16,
      autoEvaluations: 17,
      averageScore: 91.5,
      slope: 0.3,
      weeks: Array.from({ length: 8 }, (_, i) => ({ week: `2026-W${42 + i}`, average: 85 + i })),
    },
    strengths: Array.from({ length: strengths }, (_, i) => ({
      key: `strength_${i}`,
      label: `강점 항목 ${i + 1}`,
      rate: 1,
      teamRate: 0.9,
    })),
    focus: focusItems,
    goals: { targetScore: 95, note: '' },
    actions: focusItems.flatMap((f) => f.actions),
    followUpDate: '2027-01-03',
    notes: '',
    previous: null,
  };
}

describe('coaching plan PDF layout', () => {
  const renderer = new PdfRenderer({ maxPages: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-plan-layout-'));
  afterAll(() => renderer.close());

  it('ends no page on a heading, wherever the page break falls', async () => {
    const stranded: string[] = [];
    let breaks = 0;
    for (let strengths = 8; strengths <= 26; strengths += 2) {
      const file = path.join(dir, `plan-${strengths}.pdf`);
      fs.writeFileSync(file, await renderer.render(renderPlanHtml(plan(strengths), 'ko')));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
      for (let page = 1; page < pages; page++) {
        breaks++;
        const lines = execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, file, '-'])
          .toString()
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/^\d+\s*\/\s*\d+$/.test(l) && l !== '\f');
        const last = lines[lines.length - 1] ?? '';
        if (HEADINGS.includes(last) || /^\d\. \S/.test(last)) {
          stranded.push(`${strengths} strengths, page ${page}: "${last}"`);
        }
      }
    }
    expect(breaks).toBeGreaterThanOrEqual(10);
    expect(stranded).toEqual([]);
  });
});
