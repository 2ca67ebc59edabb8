import { suggestFocus, type FocusAnswer } from '../../../src/outcomes/weekly-focus';

const a = (
  interactionId: number,
  criterionKey: string,
  passed: boolean | null,
  source: 'human' | 'auto' = 'human',
  scorecardKey = 'chat-ko',
): FocusAnswer => ({ interactionId, criterionKey, passed, source, scorecardKey });

describe('the weekly focus suggested from the worst chats', () => {
  it('is the criterion failed in the most worst chats, with those chats', () => {
    const answers = [
      a(1, 'greet', false),
      a(1, 'solve', false),
      a(2, 'greet', false),
      a(2, 'solve', true),
      a(3, 'greet', true),
      a(3, 'solve', false),
      a(3, 'empathy', false),
      // Not a worst chat: not counted.
      a(9, 'solve', false),
      a(8, 'solve', false),
    ];
    expect(suggestFocus([1, 2, 3], answers)).toEqual({
      scorecardKey: 'chat-ko',
      criterionKey: 'greet',
      failedIn: [1, 2],
      of: 3,
    });
  });

  it("counts a chat's latest answer, its human answers over auto-QA's, and N/A as neither", () => {
    const answers = [
      a(1, 'greet', false),
      a(1, 'greet', true), // a later evaluation passed it
      a(1, 'solve', null),
      a(2, 'solve', false, 'auto'), // chat 2 has a human answer: auto is not read
      a(2, 'greet', true),
      a(3, 'solve', false, 'auto'), // chat 3 only auto
    ];
    expect(suggestFocus([1, 2, 3], answers)).toEqual({
      scorecardKey: 'chat-ko',
      criterionKey: 'solve',
      failedIn: [3],
      of: 3,
    });
  });

  it('is none when nothing failed, and a tie goes to the first key', () => {
    expect(suggestFocus([1], [a(1, 'greet', true)])).toBeNull();
    expect(suggestFocus([], [])).toBeNull();
    expect(suggestFocus([1, 2], [a(1, 'b', false), a(2, 'a', false)])?.criterionKey).toBe('a');
  });
});
