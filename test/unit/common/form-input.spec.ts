import { InputError } from '../../../src/common/errors';
import { formInput, formNumber } from '../../../src/common/form-input';
import { CreateEvaluationDto, SaveAnswersDto } from '../../../src/evaluations/dto/evaluation.dto';

describe('formInput: a posted form checked by the API DTO', () => {
  it('converts number fields and drops what the DTO does not name (_csrf, the button)', () => {
    const dto = formInput(CreateEvaluationDto, {
      interactionId: '12',
      scorecardKey: 'voice-ko',
      _csrf: 'token',
      action: 'open',
    });
    expect(dto).toBeInstanceOf(CreateEvaluationDto);
    expect({ ...dto }).toEqual({ interactionId: 12, scorecardKey: 'voice-ko' });
  });

  it('refuses with an InputError naming the field and why', () => {
    const refused = (input: object) => {
      try {
        formInput(CreateEvaluationDto, input);
      } catch (e) {
        return e;
      }
      throw new Error('not refused');
    };
    const text = refused({ interactionId: 'abc', scorecardKey: 'voice-ko' });
    expect(text).toBeInstanceOf(InputError);
    expect(text).toMatchObject({ field: 'interactionId', status: 400 });
    // An empty field counts as not given.
    expect(refused({ interactionId: '', scorecardKey: 'voice-ko' })).toMatchObject({
      field: 'interactionId',
    });
    expect(refused({ interactionId: '3', scorecardKey: 'Bad Key' })).toMatchObject({
      field: 'scorecardKey',
    });
  });

  it('names a nested answer by its index, with the DTO message', () => {
    expect(() =>
      formInput(SaveAnswersDto, {
        version: 2,
        answers: [
          { key: 'greeting', value: 1 },
          { key: 'empathy', value: 'yes' },
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        field: 'answers.1.value',
        message: expect.stringContaining('whole number on the scale') as string,
      }) as Error,
    );
  });
});

describe('formNumber', () => {
  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['-1', -1],
    ['', undefined],
    [undefined, undefined],
    ['1.5', '1.5'],
    ['abc', 'abc'],
  ])('%p → %p', (value, expected) => {
    expect(formNumber(value)).toBe(expected);
  });
});
