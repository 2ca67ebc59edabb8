/**
 * A parsed transcript as the import stores it: turns and the agent's notes redacted, and the
 * findings (kind and place, never the value) for the audit table.
 */
import type { ParsedTranscript } from '../transcripts/transcript';
import { redactTranscript } from './redact';
import type { AddressLevel, PiiKind } from './redaction.types';

export interface ImportRedactionSettings {
  enabled: boolean;
  address: AddressLevel;
  /** Sources stored as they come (already redacted upstream, or a test system). */
  offSources: string[];
}

/** What an installation gets without REDACTION settings: on, street numbers and units masked. */
export const IMPORT_REDACTION: ImportRedactionSettings = {
  enabled: true,
  address: 'detail',
  offSources: [],
};

export interface StoredFinding {
  /** The turn's seq; null for the notes. */
  turnSeq: number | null;
  kind: PiiKind;
  start: number;
  end: number;
}

export function redactForImport(
  transcript: ParsedTranscript,
  settings: ImportRedactionSettings,
): { transcript: ParsedTranscript; findings: StoredFinding[]; redacted: boolean } {
  const { meta, turns } = transcript;
  const off = !settings.enabled || settings.offSources.includes(meta.source ?? '');
  if (off) return { transcript, findings: [], redacted: false };
  const options = { language: meta.language ?? 'ko', address: settings.address };
  const redacted = redactTranscript(turns, options);
  const findings: StoredFinding[] = redacted.findings.map((f) => ({
    turnSeq: f.turn,
    kind: f.kind,
    start: f.start,
    end: f.end,
  }));
  let notes = meta.notes;
  if (notes) {
    const result = redactTranscript([{ speaker: 'agent', text: notes }], options);
    notes = result.turns[0].text;
    for (const f of result.findings) {
      findings.push({ turnSeq: null, kind: f.kind, start: f.start, end: f.end });
    }
  }
  return {
    transcript: { meta: { ...meta, notes }, turns: redacted.turns },
    findings,
    redacted: true,
  };
}

/** A quote from a call (an evaluation's evidence) in its redacted form. */
export function redactQuote(text: string, language: string, address: AddressLevel): string {
  if (text === '') return text;
  return redactTranscript([{ speaker: 'customer', text }], { language, address }).turns[0].text;
}
