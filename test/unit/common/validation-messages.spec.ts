import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { messageOf } from '../../../src/common/http-exception.filter';
import { InputError } from '../../../src/common/errors';
import { formInput } from '../../../src/common/form-input';
import { failuresOf, failureText } from '../../../src/common/validation-messages';
import { AuditQueryDto } from '../../../src/audit/audit-query.dto';
import { SaveAnswersDto } from '../../../src/evaluations/dto/evaluation.dto';

function refusal(input: object): InputError {
  try {
    formInput(SaveAnswersDto, input);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('not refused');
}

function failures(dto: new () => object, input: object) {
  return failuresOf(validateSync(plainToInstance(dto, input), { whitelist: true }));
}

describe('DTO refusals in the reader language', () => {
  it('a form refusal says why in Korean and in English, naming the field', () => {
    const e = refusal({ version: '1.5', answers: [] });
    expect(e.field).toBe('version');
    expect(messageOf(e, 'ko')).toBe('version: 정수여야 합니다');
    expect(messageOf(e, 'en')).toBe('version: must be an integer number');
  });

  it("a DTO's own wording has its own keys (a nested answer, by index)", () => {
    const e = refusal({
      version: 2,
      answers: [
        { key: 'a', value: 1 },
        { key: 'b', value: 'y' },
      ],
    });
    expect(e.field).toBe('answers.1.value');
    expect(messageOf(e, 'en')).toBe(
      'answers.1.value: must be a whole number on the scale (or set na: true)',
    );
    expect(messageOf(e, 'ko')).toBe(
      'answers.1.value: 척도 안의 정수여야 합니다(해당 없음이면 na: true)',
    );
  });

  it('puts the decorator arguments into the message (@IsIn values, @Max, @MaxLength)', () => {
    const [kind] = failures(AuditQueryDto, { entityType: 'nope' });
    expect(failureText(kind, 'ko')).toMatch(
      /^entityType: 다음 중 하나여야 합니다: evaluation, scorecard, /,
    );
    expect(failureText(kind, 'en')).toMatch(
      /^entityType: must be one of the following values: evaluation, scorecard, /,
    );
    const [limit] = failures(AuditQueryDto, { limit: 501 });
    expect(failureText(limit, 'ko')).toBe('limit: 500 이하여야 합니다');
    const [action] = failures(AuditQueryDto, { action: 'x'.repeat(61) });
    expect(failureText(action, 'en')).toBe(
      'action: must be shorter than or equal to 60 characters',
    );
    expect(failureText(action, 'ko')).toBe('action: 60자 이하로 적어 주세요');
  });

  it('every message a failure can give has a Korean text that is not the English one', () => {
    const all = [
      ...failures(AuditQueryDto, { entityType: 1, page: 0, limit: 'x', from: 'soon' }),
      ...failures(SaveAnswersDto, { version: 1.5, answers: 'none' }),
    ];
    expect(all.length).toBeGreaterThan(4);
    for (const f of all) {
      expect(f.messageKey).toBeDefined();
      const ko = failureText(f, 'ko');
      expect(ko).toMatch(/[\uAC00-\uD7A3]/);
      expect(ko).not.toBe(failureText(f, 'en'));
    }
  });
});
