/**
 * Source fields at import: the standard names (Contact Lens / Call Analytics, Connect contact
 * records, CCAI Insights, CSV-style columns) and a mapping file, on the repository's fixtures
 * (the public Amazon Transcribe output under test/fixtures/external and the format fixtures).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  applyFieldMapping,
  FieldMappingError,
  parseFieldMapping,
} from '../../../src/imports/source-fields';
import { standardFields } from '../../../src/imports/standard-fields';
import { parseTranscript } from '../../../src/transcripts/parse-transcript';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const read = (...p: string[]) => fs.readFileSync(path.join(FIXTURES, ...p));

function mappingError(file: string, text: string): FieldMappingError {
  try {
    parseFieldMapping(file, text);
  } catch (e) {
    if (e instanceof FieldMappingError) return e;
    throw e;
  }
  throw new Error('expected a FieldMappingError');
}

describe('standard source fields', () => {
  it('reads talk time, interruptions, customer sentiment and categories from Call Analytics', () => {
    const parsed = parseTranscript('ca.json', read('formats', 'call-analytics-en.json'));
    const m = standardFields(parsed.meta.metadata)!;
    expect(m).toMatchObject({
      talkMs: 21700,
      interruptions: 0,
      customerSentiment: 0.8,
      categories: ['positive-resolution'],
    });
    expect(m.mappedFrom).toMatchObject({
      talkMs: 'conversationCharacteristics.talkTime.totalTimeMillis',
      categories: 'matchedCategories',
    });
    // The source's own fields stay as they came.
    expect(m.conversationCharacteristics).toEqual(
      parsed.meta.metadata!.conversationCharacteristics,
    );
  });

  it('reads the Contact Lens file the same way', () => {
    const m = standardFields(
      parseTranscript('cl.json', read('formats', 'contact-lens-ko.json')).meta.metadata,
    )!;
    expect(m.talkMs).toBe(45000);
    expect(m.interruptions).toBe(3);
    expect(typeof m.customerSentiment).toBe('number');
  });

  it('reads CSAT from a CCAI Insights conversation', () => {
    const doc = JSON.parse(read('formats', 'ccai-conversation.json').toString('utf8'));
    doc.qualityMetadata = { customerSatisfactionRating: 4, waitDuration: '12s' };
    const parsed = parseTranscript('ccai.json', Buffer.from(JSON.stringify(doc)));
    expect(standardFields(parsed.meta.metadata)).toMatchObject({
      csat: 4,
      mappedFrom: { csat: 'qualityMetadata.customerSatisfactionRating' },
    });
  });

  it('reads an Amazon Connect contact record kept as metadata (seconds to ms)', () => {
    const m = standardFields({
      Agent: {
        AfterContactWorkDuration: 45,
        CustomerHoldDuration: 12,
        AgentInteractionDuration: 300,
      },
      Attributes: { csat: '5', fcr: 'yes', customerId: 'C-77' },
    })!;
    expect(m).toMatchObject({
      acwMs: 45000,
      holdMs: 12000,
      talkMs: 300000,
      csat: 5,
      fcr: true,
      customerId: 'C-77',
    });
  });

  it('reads CSV-style column names, durations as seconds or mm:ss', () => {
    const m = standardFields({
      'CSAT Score': '4',
      'First Contact Resolution': 'No',
      'Hold Time': '01:30',
      'AHT (sec)': 320,
      'Customer Number': 1234,
      고객만족도: 3,
    })!;
    expect(m).toMatchObject({
      csat: 4,
      fcr: false,
      holdMs: 90000,
      ahtMs: 320000,
      customerId: '1234',
    });
  });

  it('never overwrites a key that is there, and leaves plain metadata unchanged', () => {
    expect(standardFields({ csat: 2, 'CSAT Score': 5 })).toEqual({ csat: 2, 'CSAT Score': 5 });
    const plain = { csat: 5, fcr: true, disposition: 'resolved' };
    expect(standardFields(plain)).toBe(plain);
    expect(standardFields(undefined)).toBeUndefined();
  });
});

describe('a mapping file', () => {
  const YAML = `# where our exports keep the outcomes
fields:
  csat: survey.score
  customerId: [jobName, metadata.caller]
  holdMs: { path: metadata.hold, unit: s }
`;

  it('maps paths of the public Transcribe output and of the metadata', () => {
    const file = read('external', 'transcribe', '03-speaker-identification.json');
    const parsed = parseTranscript('03.json', file, {
      speakerMap: { spk_0: 'agent', spk_1: 'customer' },
    });
    const mapping = parseFieldMapping('mapping.yaml', YAML);
    const m = applyFieldMapping(mapping, {
      document: JSON.parse(file.toString('utf8')),
      metadata: { ...parsed.meta.metadata, survey: { score: '4' }, hold: 7.5 },
    })!;
    expect(m).toMatchObject({
      csat: 4,
      customerId: '03-speaker-identification',
      holdMs: 7500,
      mappedFrom: { csat: 'survey.score', customerId: 'jobName', holdMs: 'metadata.hold' },
    });
  });

  it('reads JSON too', () => {
    const mapping = parseFieldMapping('m.json', '{"fields": {"fcr": "resolution.firstContact"}}');
    expect(applyFieldMapping(mapping, { document: { resolution: { firstContact: 'Y' } } })).toEqual(
      {
        fcr: true,
        mappedFrom: { fcr: 'resolution.firstContact' },
      },
    );
  });

  it('leaves a field out when its path holds nothing', () => {
    const mapping = parseFieldMapping('mapping.yaml', 'fields:\n  csat: nowhere.here\n');
    expect(applyFieldMapping(mapping, { document: {}, metadata: { a: 1 } })).toEqual({ a: 1 });
  });

  it('says which key and why when a value is of the wrong kind', () => {
    const mapping = parseFieldMapping('mapping.yaml', 'fields:\n  csat: jobName\n');
    expect(() => applyFieldMapping(mapping, { document: { jobName: 'abc' } })).toThrow(
      'mapping.yaml: fields.csat: jobName: "abc" is not a number',
    );
  });

  it.each([
    ['fields:\n  csat: [a\n', '(file)', 3, /not valid YAML or JSON/],
    ['- csat\n', '(file)', undefined, /write `fields:`/],
    ['fields:\n  csat: a\nextra: 1\n', 'extra', 3, /unknown key/],
    ['fields:\n  csat: a\n  csatt: b\n', 'fields.csatt', 3, /unknown field: use one of csat, fcr/],
    ['fields:\n  csat: "a..b"\n', 'fields.csat', 2, /not a path/],
    ['fields:\n  csat: { path: a, unit: s }\n', 'fields.csat', 2, /only durations/],
    [
      'fields:\n  holdMs: { path: a, unit: hours }\n',
      'fields.holdMs',
      2,
      /unit must be ms, s or min/,
    ],
    ['fields:\n  holdMs: { paht: a }\n', 'fields.holdMs', 2, /unknown option paht/],
    ['fields: {}\n', 'fields', undefined, /map at least one field/],
    ['fields: csat\n', 'fields', 1, /give the fields/],
  ])('refuses %j naming the key, the line and why', (text, key, line, why) => {
    const e = mappingError('mapping.yaml', text);
    expect(e.file).toBe('mapping.yaml');
    expect(e.key).toBe(key);
    expect(e.line).toBe(line);
    expect(e.reason).toMatch(why);
  });
});
