import { ConfigError, loadConfig } from '../../../src/config/app-config';
import { IMPORT_REDACTION, redactForImport } from '../../../src/redaction/redact-import';

describe('redaction settings', () => {
  it('are on by default, street numbers and units masked, no source left out', () => {
    expect(loadConfig({}).redaction).toEqual(IMPORT_REDACTION);
  });

  it('read REDACTION, REDACTION_ADDRESS and REDACTION_OFF_SOURCES', () => {
    const config = loadConfig({
      REDACTION: 'off',
      REDACTION_ADDRESS: 'full',
      REDACTION_OFF_SOURCES: ' contact-lens , legacy-pbx ,',
    });
    expect(config.redaction).toEqual({
      enabled: false,
      address: 'full',
      offSources: ['contact-lens', 'legacy-pbx'],
    });
  });

  it('refuse a bad value naming the variable', () => {
    expect(() => loadConfig({ REDACTION: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDACTION_ADDRESS: 'street' })).toThrow(/REDACTION_ADDRESS/);
  });
});

describe('a transcript as the import stores it', () => {
  const call = {
    meta: { source: 'pbx', language: 'ko', notes: '회신 번호 010-9876-5432' },
    turns: [
      { speaker: 'customer' as const, startMs: 0, endMs: 1000, text: '제 번호는 010-9876-5432요' },
    ],
  };

  it('has its turns and notes redacted and each finding placed', () => {
    const { transcript, findings } = redactForImport(call, IMPORT_REDACTION);
    expect(transcript.turns[0]).toEqual({ ...call.turns[0], text: '제 번호는 [전화번호]요' });
    expect(transcript.meta.notes).toBe('회신 번호 [전화번호]');
    expect(findings).toEqual([
      { turnSeq: 0, kind: 'phone', start: 6, end: 12 },
      { turnSeq: null, kind: 'phone', start: 6, end: 12 },
    ]);
  });

  it('is stored as it comes when redaction is off, or for a source left out', () => {
    expect(redactForImport(call, { ...IMPORT_REDACTION, enabled: false })).toEqual({
      transcript: call,
      findings: [],
      redacted: false,
    });
    expect(redactForImport(call, { ...IMPORT_REDACTION, offSources: ['pbx'] }).findings).toEqual(
      [],
    );
  });
});
