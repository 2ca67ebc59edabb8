import { lookupSpeaker, SpeakerMap } from './speaker-roles';
import { Speaker } from './transcript';
import { resolveSpeakerName } from './webvtt.parser';

/** A speaker named at the start of a line: a role, or a numbered label left to resolve. */
export interface SpeakerPrefix {
  /** The label as a key: lower case, single spaces ("speaker 1"); the role name for roles. */
  key: string;
  /** Set when the label names a side (상담사, Customer) or the speaker map maps it. */
  role?: Speaker;
  /** The label as written. */
  label: string;
  /** The text after the prefix, trimmed. */
  rest: string;
}

/** "[Agent] …", "(speaker 0) …", "상담사: …", "Speaker 1： …" (a full-width colon too). */
const PREFIX =
  /^\s*(?:\[([^\][\r\n]{1,40})\]|\(([^()\r\n]{1,40})\)|([^:：[\]()\r\n]{1,40}?)\s*[:：])\s*/u;

/** Numbered speakers from diarisation tools: "Speaker 1", "SPEAKER_00", "spk_0", "화자 2". */
const NUMBERED = /^(?:speaker|spk|화자|참여자|participant)[\s_-]*\d{1,3}$/iu;

/** Looks like a name followed by a colon, for a clearer error on the first line. */
const NAME_COLON = /^\s*([\p{L}][\p{L}\p{N} ._'-]{0,29}?)\s*[:：]\s/u;

/**
 * The speaker prefix of a line, or undefined when the line has none. Only labels that say who
 * is talking count: role words (as for WebVTT voices: Agent, 상담사, Customer, 고객, IVR, ...),
 * numbered speakers, and names in the speaker map — so "Note: …" or "10:30 …" stay text.
 */
export function splitSpeakerPrefix(
  file: string,
  line: string,
  speakerMap: SpeakerMap | undefined,
): SpeakerPrefix | undefined {
  const match = PREFIX.exec(line);
  if (!match) return undefined;
  const label = (match[1] ?? match[2] ?? match[3]).trim().replace(/\s+/g, ' ');
  if (label === '') return undefined;
  const rest = line.slice(match[0].length).trim();
  const mapped = lookupSpeaker(file, speakerMap, label);
  if (mapped !== undefined) return { key: label.toLowerCase(), role: mapped, label, rest };
  if (NUMBERED.test(label)) return { key: label.toLowerCase(), label, rest };
  const role = resolveSpeakerName(label);
  return role === undefined ? undefined : { key: role, role, label, rest };
}

/** The name before a colon at the start of the line, whether or not it is a known speaker. */
export function nameBeforeColon(line: string): string | undefined {
  return NAME_COLON.exec(line)?.[1];
}

/** An example list for messages. */
export const PREFIX_EXAMPLES = '"상담사:", "고객:", "Agent:", "Customer:" or "Speaker 1:"';
/** The same examples as a plain list (no English "or"), for the locale files' params. */
export const PREFIX_LIST = '"상담사:", "고객:", "Agent:", "Customer:", "Speaker 1:"';
