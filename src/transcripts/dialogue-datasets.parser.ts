import { child, fileBaseName, isPresent, item, JsonFields, JsonObject } from './json-fields';
import { parseJsonText } from './json-text';
import { ParsedTranscript, Speaker, TranscriptTurn, reasonKey } from './transcript';

/** Research dialogue sets carry no times: turns are spaced this far apart (chat, points). */
export const DATASET_TURN_GAP_MS = 10_000;

const ABCD_SPEAKERS: Readonly<Record<string, Speaker>> = {
  agent: 'agent',
  customer: 'customer',
  // The agent's actions in the tools ("Account has been pulled up for …").
  action: 'system',
};

const HG_TODS_ROLES: Readonly<Record<string, Speaker>> = { user: 'customer', system: 'agent' };

/** ABCD split names in the full data set file. */
const ABCD_SPLITS = ['train', 'dev', 'test'] as const;

/** One dialogue of a multi-dialogue file, with its JSON path for errors. */
interface DialogueRef {
  raw: unknown;
  path: string;
  index: number;
  group?: string;
}

function arrayRefs(list: unknown[]): DialogueRef[] {
  return list.map((raw: unknown, index) => ({ raw, path: item('', index), index }));
}

/**
 * ABCD (Action-Based Conversations Dataset, asappresearch/abcd): an array of conversations, or
 * `{ train, dev, test }` arrays, each `{ convo_id, scenario, original: [[speaker, text], ...] }`.
 * One transcript per conversation, externalId `<file base>#<convo_id>`.
 */
export function parseAbcd(file: string, text: string): ParsedTranscript[] {
  return fromAbcdJson(file, parseJsonText(file, text));
}

export function fromAbcdJson(file: string, root: unknown): ParsedTranscript[] {
  const f = new JsonFields(file);
  const conversations = abcdConversations(f, root);
  if (conversations.length === 0) {
    throw f.error('', 'no conversations in this ABCD file', reasonKey('noConversations'));
  }
  return conversations.map((c) => readAbcd(f, c));
}

function abcdConversations(f: JsonFields, root: unknown): DialogueRef[] {
  if (Array.isArray(root)) return arrayRefs(root);
  const doc = f.object(root, '');
  if (isPresent(doc.original)) return [{ raw: doc, path: '', index: 0 }];
  return ABCD_SPLITS.filter((split) => isPresent(doc[split])).flatMap((split) =>
    f.array(doc[split], split).map((raw, index) => ({
      raw,
      path: item(split, index),
      index,
      group: split,
    })),
  );
}

function readAbcd(f: JsonFields, { raw, path, index, group }: DialogueRef): ParsedTranscript {
  const conversation = f.object(raw, path);
  const id = f.optionalId(conversation.convo_id, child(path, 'convo_id')) ?? String(index);
  const originalPath = child(path, 'original');
  const original = f.array(conversation.original, originalPath);
  if (original.length === 0) {
    throw f.error(originalPath, 'no turns: the conversation is empty', reasonKey('emptyList'));
  }
  const turns = original.map((rawTurn, i) => {
    const turnPath = item(originalPath, i);
    const pair = f.array(rawTurn, turnPath);
    const speakerPath = item(turnPath, 0);
    const speakerName = f.text(pair[0], speakerPath).toLowerCase();
    if (!Object.hasOwn(ABCD_SPEAKERS, speakerName)) {
      throw f.error(
        speakerPath,
        `unknown speaker ${JSON.stringify(pair[0])}: expected agent, customer or action`,
        reasonKey('unknownValue', {
          value: JSON.stringify(pair[0]),
          allowed: '"agent", "customer", "action"',
        }),
      );
    }
    return syntheticTurn(ABCD_SPEAKERS[speakerName], f.text(pair[1], item(turnPath, 1)), i);
  });
  const scenarioPath = child(path, 'scenario');
  const scenario = f.optionalObject(conversation.scenario, scenarioPath) ?? {};
  const metadata: JsonObject = { dataset: 'abcd', convoId: id };
  if (group !== undefined) metadata.split = group;
  for (const key of ['flow', 'subflow']) {
    const value = f.optionalString(scenario[key], child(scenarioPath, key));
    if (value !== undefined) metadata[key] = value;
  }
  return {
    meta: { externalId: `${fileBaseName(f.file)}#${id}`, channel: 'chat', metadata },
    turns,
  };
}

/**
 * HG-TODS (NLPlab-skku): `{ dial_data: { <group>: [ { dial_id, turns: [{ role, utterance }] } ] } }`,
 * also a plain array of dialogues or one dialogue object. user = customer, system = agent.
 * One transcript per dialogue, externalId `<file base>#<dial_id>`.
 */
export function parseHgTods(file: string, text: string): ParsedTranscript[] {
  return fromHgTodsJson(file, parseJsonText(file, text));
}

export function fromHgTodsJson(file: string, root: unknown): ParsedTranscript[] {
  const f = new JsonFields(file);
  const dialogues = hgTodsDialogues(f, root);
  if (dialogues.length === 0) {
    throw f.error('', 'no dialogues in this HG-TODS file', reasonKey('noConversations'));
  }
  return dialogues.map((d) => readHgTods(f, d));
}

function hgTodsDialogues(f: JsonFields, root: unknown): DialogueRef[] {
  if (Array.isArray(root)) return arrayRefs(root);
  const doc = f.object(root, '');
  if (!isPresent(doc.dial_data)) return [{ raw: doc, path: '', index: 0 }];
  const data = f.object(doc.dial_data, 'dial_data');
  return Object.entries(data).flatMap(([group, list]) => {
    const groupPath = child('dial_data', group);
    return f.array(list, groupPath).map((raw, index) => ({
      raw,
      path: item(groupPath, index),
      index,
      group,
    }));
  });
}

function readHgTods(f: JsonFields, { raw, path, index, group }: DialogueRef): ParsedTranscript {
  const dialogue = f.object(raw, path);
  const id = f.optionalId(dialogue.dial_id, child(path, 'dial_id')) ?? String(index);
  const turnsPath = child(path, 'turns');
  const rawTurns = f.array(dialogue.turns, turnsPath);
  if (rawTurns.length === 0) {
    throw f.error(turnsPath, 'no turns: the dialogue is empty', reasonKey('emptyList'));
  }
  const turns = rawTurns.map((rawTurn, i) => {
    const turnPath = item(turnsPath, i);
    const turn = f.object(rawTurn, turnPath);
    const rolePath = child(turnPath, 'role');
    const role = f.text(turn.role, rolePath).toLowerCase();
    if (!Object.hasOwn(HG_TODS_ROLES, role)) {
      throw f.error(
        rolePath,
        `unknown role ${JSON.stringify(turn.role)}: expected user or system`,
        reasonKey('unknownValue', {
          value: JSON.stringify(turn.role),
          allowed: '"user", "system"',
        }),
      );
    }
    const utterance = f.text(turn.utterance, child(turnPath, 'utterance'));
    return syntheticTurn(HG_TODS_ROLES[role], utterance, i);
  });
  const metadata: JsonObject = { dataset: 'hg-tods', dialId: id };
  if (group !== undefined) metadata.group = group;
  return {
    meta: { externalId: `${fileBaseName(f.file)}#${id}`, channel: 'chat', metadata },
    turns,
  };
}

function syntheticTurn(speaker: Speaker, text: string, index: number): TranscriptTurn {
  const startMs = index * DATASET_TURN_GAP_MS;
  return { speaker, startMs, endMs: startMs, text };
}
