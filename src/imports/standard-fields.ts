/**
 * The KPI fields the sources' own names give, applied to every import (no mapping file needed):
 * Amazon Contact Lens / Transcribe Call Analytics as the parser keeps them (talk time,
 * interruptions, customer sentiment, categories), Amazon Connect contact records kept as
 * metadata (Agent.AfterContactWorkDuration, Agent.CustomerHoldDuration,
 * Agent.AgentInteractionDuration, Attributes.csat …), Google CCAI Insights conversations
 * (qualityMetadata.customerSatisfactionRating) and CSV-style column names at the top of the
 * metadata ("CSAT Score", "Hold Time", "고객만족도" …, compared without case, spaces or
 * punctuation). A key already present is never overwritten. Pure.
 */
import {
  asObject,
  convert,
  MAPPED_FIELDS,
  present,
  valueAt,
  type DurationUnit,
  type FieldSource,
} from './source-fields';

/** Built-in sources per field, read in the call's metadata (as the parser or sidecar kept it). */
const STANDARD: Readonly<Record<string, FieldSource[]>> = {
  csat: [
    {
      paths: [
        'Attributes.csat',
        'Attributes.CSAT',
        'Attributes.csatScore',
        'Attributes.csat_score',
      ],
    },
    { paths: ['qualityMetadata.customerSatisfactionRating'] },
  ],
  fcr: [{ paths: ['Attributes.fcr', 'Attributes.FCR', 'Attributes.firstContactResolution'] }],
  customerId: [
    { paths: ['Attributes.customerId', 'Attributes.CustomerId', 'Attributes.customer_id'] },
  ],
  acwMs: [{ paths: ['Agent.AfterContactWorkDuration'], unit: 's' }],
  holdMs: [{ paths: ['Agent.CustomerHoldDuration'], unit: 's' }],
  talkMs: [
    { paths: ['conversationCharacteristics.talkTime.totalTimeMillis'] },
    { paths: ['Agent.AgentInteractionDuration'], unit: 's' },
  ],
  interruptions: [{ paths: ['conversationCharacteristics.interruptions.totalCount'] }],
  customerSentiment: [{ paths: ['conversationCharacteristics.sentiment.overall.CUSTOMER'] }],
  categories: [{ paths: ['matchedCategories'] }],
};

/** CSV-style column names (lower case, letters and digits only) per field, with their unit. */
const COLUMNS: Readonly<Record<string, { names: string[]; unit?: DurationUnit }[]>> = {
  csat: [
    {
      names: [
        'csatscore',
        'customersatisfaction',
        'satisfaction',
        'satisfactionscore',
        'surveyscore',
        '고객만족도',
        '만족도',
      ],
    },
  ],
  fcr: [
    {
      names: [
        'firstcontactresolution',
        'firstcallresolution',
        'resolvedonfirstcontact',
        '1차해결',
        '첫통화해결',
      ],
    },
  ],
  customerId: [{ names: ['customernumber', 'callerid', '고객번호', '고객id'] }],
  ahtMs: [
    { names: ['ahtms', 'handletimems'] },
    {
      names: ['aht', 'ahtseconds', 'ahtsec', 'handletime', 'handletimeseconds', '처리시간'],
      unit: 's',
    },
  ],
  acwMs: [
    {
      names: [
        'acwseconds',
        'acwsec',
        'aftercallwork',
        'aftercallworkseconds',
        'wrapup',
        'wrapuptime',
        'wrapupseconds',
        '후처리시간',
      ],
      unit: 's',
    },
  ],
  holdMs: [
    { names: ['holdtimems'] },
    {
      names: ['hold', 'holdtime', 'holdseconds', 'holdtimeseconds', 'holdduration', '보류시간'],
      unit: 's',
    },
  ],
  talkMs: [
    { names: ['talktimems'] },
    { names: ['talktime', 'talktimeseconds', '통화시간'], unit: 's' },
  ],
  transfers: [{ names: ['transfercount', 'numberoftransfers', '호전환수'] }],
  transferred: [{ names: ['wastransferred', '호전환'] }],
};

const normalName = (k: string) => k.toLowerCase().replace(/[^a-z0-9가-힣]/g, '');

/** The keys kpi-facts already reads under these names: left as they are. */
const ALREADY_READ = new Set([
  'csat',
  'fcr',
  'customerid',
  'transfers',
  'transferred',
  'holdms',
  'acwms',
  'acw',
  'holdseconds',
  'acwseconds',
]);

/**
 * The metadata with the KPI keys the standard names give, where the key is not there yet; null
 * when there is no metadata. A value of the wrong kind under a standard name is left alone.
 */
export function standardFields(
  metadata: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!metadata) return metadata;
  const added: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  const columns = new Map<string, string>();
  for (const k of Object.keys(metadata)) {
    if (!ALREADY_READ.has(normalName(k))) columns.set(normalName(k), k);
  }
  for (const [field, kind] of Object.entries(MAPPED_FIELDS)) {
    if (present(metadata[field])) continue;
    const candidates: { path: string; unit?: DurationUnit }[] = [
      ...(STANDARD[field] ?? []).flatMap((s) => s.paths.map((path) => ({ path, unit: s.unit }))),
      ...(COLUMNS[field] ?? []).flatMap((c) =>
        c.names.filter((n) => columns.has(n)).map((n) => ({ path: columns.get(n)!, unit: c.unit })),
      ),
    ];
    for (const c of candidates) {
      const raw = c.path.includes('.') ? valueAt(metadata, c.path) : metadata[c.path];
      if (!present(raw)) continue;
      const converted = convert(raw, kind, c.unit);
      if ('value' in converted) {
        added[field] = converted.value;
        from[field] = c.path;
        break;
      }
    }
  }
  if (Object.keys(added).length === 0) return metadata;
  return { ...metadata, ...added, mappedFrom: { ...asObject(metadata.mappedFrom), ...from } };
}
