/**
 * What the redactor finds and how it masks it. Pure data: no framework, no I/O.
 */
export const PII_KINDS = [
  'resident_id',
  'foreigner_id',
  'national_id',
  'card',
  'account',
  'phone',
  'email',
  'address',
  'one_time_code',
  /** Masked by the source before import (Transcribe's `[PII]`, Contact Lens, `****`). */
  'pre_redacted',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** How much of a street address is masked: none, the street/lot number and unit, or all of it. */
export type AddressLevel = 'off' | 'detail' | 'full';

export interface RedactionOptions {
  /** The transcript's language: picks the masks' wording ('ko' or anything else = English). */
  language: string;
  address?: AddressLevel;
}

export interface RedactionTurn {
  speaker: string;
  text: string;
}

/** Where a mask stands in the redacted text of a turn: never the value it replaced. */
export interface RedactionFinding {
  kind: PiiKind;
  /** Index of the turn in the transcript. */
  turn: number;
  /** Offsets in the turn's redacted text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

export interface RedactionResult<T extends RedactionTurn> {
  turns: T[];
  findings: RedactionFinding[];
}

/** A span of one turn's original text to be replaced by a mask. */
export interface MaskSpan {
  turn: number;
  start: number;
  end: number;
  kind: Exclude<PiiKind, 'pre_redacted'>;
}
