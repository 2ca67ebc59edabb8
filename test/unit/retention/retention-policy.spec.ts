import {
  identifierFields,
  matchingFields,
  phoneDigits,
  withoutFields,
} from '../../../src/retention/data-request-match';
import {
  isExpired,
  lastScheduledRun,
  nextScheduledRuns,
  parseRetentionOverrides,
  policyDays,
  retentionActive,
  retentionDays,
  type RetentionPolicy,
} from '../../../src/config/retention-policy';
import { loadConfig } from '../../../src/config/app-config';

const policy: RetentionPolicy = {
  defaultDays: 90,
  sources: { pbx: 30, legal: null },
  channels: { chat: 14 },
};

describe('retention policy', () => {
  it('takes the source first, then the channel, then the default', () => {
    expect(retentionDays(policy, 'pbx', 'chat')).toBe(30);
    expect(retentionDays(policy, 'legal', 'chat')).toBeNull();
    expect(retentionDays(policy, 'web', 'chat')).toBe(14);
    expect(retentionDays(policy, 'web', 'voice')).toBe(90);
    expect(retentionDays({ ...policy, defaultDays: null }, 'web', 'voice')).toBeNull();
    // A source named like an Object.prototype key is not a rule.
    expect(retentionDays(policy, 'toString', 'voice')).toBe(90);
  });

  it('deletes a call only when it started before its days', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const call = (source: string, startedAt: string) => ({
      source,
      channel: 'voice',
      startedAt: new Date(startedAt),
    });
    expect(isExpired(policy, call('pbx', '2026-11-05T23:59:59Z'), now)).toBe(true);
    expect(isExpired(policy, call('pbx', '2026-11-06T00:00:00Z'), now)).toBe(false);
    expect(isExpired(policy, call('legal', '2000-01-01T00:00:00Z'), now)).toBe(false);
  });

  it('is off without any number of days', () => {
    expect(retentionActive({ defaultDays: null, sources: { a: null }, channels: {} })).toBe(false);
    expect(retentionActive(policy)).toBe(true);
    expect(policyDays(policy)).toEqual([14, 30, 90]);
  });

  it('reads name=days lists and names a wrong entry', () => {
    expect(parseRetentionOverrides(' pbx=30, legacy = off ,')).toEqual({ pbx: 30, legacy: null });
    expect(() => parseRetentionOverrides('pbx')).toThrow('"pbx" is not name=days');
    expect(() => parseRetentionOverrides('pbx=0')).toThrow('between 1 and 36500');
    expect(() => parseRetentionOverrides('pbx=3,pbx=4')).toThrow('given twice');
    expect(() => parseRetentionOverrides('fax=3', ['voice', 'chat'])).toThrow(
      'not one of voice, chat',
    );
  });

  it('is read from the environment, and a mistake stops the start naming the variable', () => {
    expect(
      loadConfig({ RETENTION_TRANSCRIPT_DAYS: '365', RETENTION_CHANNEL_DAYS: 'chat=30' }).retention,
    ).toEqual({ defaultDays: 365, sources: {}, channels: { chat: 30 } });
    expect(loadConfig({}).retention).toEqual({ defaultDays: null, sources: {}, channels: {} });
    expect(() => loadConfig({ RETENTION_SOURCE_DAYS: 'pbx=soon' })).toThrow(
      /RETENTION_SOURCE_DAYS: "pbx=soon" is not name=days/,
    );
    expect(() => loadConfig({ RETENTION_TRANSCRIPT_DAYS: '0' })).toThrow(
      /RETENTION_TRANSCRIPT_DAYS/,
    );
  });

  it('runs daily at 03:00 in the display time zone', () => {
    const zone = 'Asia/Seoul';
    // 2026-12-06 10:00 in Seoul: the day's run was at 03:00 Seoul = 18:00 UTC the day before.
    const now = new Date('2026-12-06T01:00:00Z');
    expect(lastScheduledRun(now, zone).toISOString()).toBe('2026-12-05T18:00:00.000Z');
    // 02:00 in Seoul: still yesterday's run.
    expect(lastScheduledRun(new Date('2026-12-05T17:00:00Z'), zone).toISOString()).toBe(
      '2026-12-04T18:00:00.000Z',
    );
    expect(nextScheduledRuns(now, 2, zone).map((d) => d.toISOString())).toEqual([
      '2026-12-06T18:00:00.000Z',
      '2026-12-07T18:00:00.000Z',
    ]);
  });
});

describe('data subject request matching', () => {
  it('compares phone numbers by their digits, +82 as 0', () => {
    expect(phoneDigits('+82 10-1234-5678')).toBe('01012345678');
    expect(phoneDigits('０１０.１２３４.５６７８')).toBe('01012345678');
    expect(phoneDigits('12')).toBeNull();
    const metadata = { customer: { mobile: '010 1234 5678' }, orderNo: '01012345678', csat: 4 };
    expect(matchingFields(metadata, 'phone', '010-1234-5678')).toEqual([
      'customer.mobile',
      'orderNo',
    ]);
  });

  it('matches a customer id only under a field that names the customer', () => {
    const metadata = { customerId: 'C-1', ticket: 'C-1', csat: 5 };
    expect(matchingFields(metadata, 'customer', 'C-1')).toEqual(['customerId']);
    expect(matchingFields(metadata, 'customer', 'C-2')).toEqual([]);
  });

  it('removes the matched fields and every field that identifies the customer, nothing else', () => {
    const metadata = { customerId: 'C-1', caller: { phone: '1', name: 'x' }, csat: 5, note: 'n' };
    const fields = identifierFields(metadata, ['note']);
    expect(fields).toEqual(['caller.name', 'caller.phone', 'customerId', 'note']);
    expect(withoutFields(metadata, fields)).toEqual({ caller: {}, csat: 5 });
    expect(metadata.customerId).toBe('C-1');
  });
});
