/**
 * A scorecard's text models between a definition and its stored version. The weights (hundreds
 * of KB for the shipped models) are stored once, in the model store, under their content hash;
 * a stored version keeps a reference (`TextModelRef`), so loading a version — every evaluation
 * list does — never reads them. Auto-QA's callers put the data back (`withModelData`) before the
 * engine reads the definition. Pure.
 */
import type { TextModelData } from '../autoqa/text-model';
import { contentHash } from '../common/canonical-json';
import { isModelRef, type ScorecardDefinition, type TextModelRef } from './scorecard-definition';

export interface StoredTextModel {
  hash: string;
  data: TextModelData;
}

/** sha256 of the model's canonical JSON. */
export function textModelHash(data: TextModelData): string {
  return contentHash(data);
}

/** The reference a stored version keeps for a model. */
export function modelRef(data: TextModelData, hash = textModelHash(data)): TextModelRef {
  return {
    ref: hash,
    question: data.question,
    trainedOn: data.trainedOn,
    features: data.features.length,
  };
}

/** The definition as a version stores it (references), and the models to put in the store. */
export function withModelRefs(definition: ScorecardDefinition): {
  definition: ScorecardDefinition;
  models: StoredTextModel[];
} {
  const models = definition.autoQa?.textModels;
  if (models === undefined) return { definition, models: [] };
  const stored: StoredTextModel[] = [];
  const refs = Object.fromEntries(
    Object.entries(models).map(([name, model]) => {
      if (isModelRef(model)) return [name, model];
      const hash = textModelHash(model);
      stored.push({ hash, data: model });
      return [name, modelRef(model, hash)];
    }),
  );
  return {
    definition: { ...definition, autoQa: { ...definition.autoQa, textModels: refs } },
    models: stored,
  };
}

/** The hashes a stored definition refers to. */
export function modelRefsOf(definition: ScorecardDefinition): string[] {
  return Object.values(definition.autoQa?.textModels ?? {}).flatMap((m) =>
    isModelRef(m) ? [m.ref] : [],
  );
}

/**
 * The definition with each reference replaced by the model's data from `byHash`. A reference the
 * store does not have stays as it is: the engine then leaves the criteria that use the model to
 * people (as for a model the scorecard does not name).
 */
export function withModelData(
  definition: ScorecardDefinition,
  byHash: ReadonlyMap<string, TextModelData>,
): ScorecardDefinition {
  const models = definition.autoQa?.textModels;
  if (models === undefined || !Object.values(models).some(isModelRef)) return definition;
  const data = Object.fromEntries(
    Object.entries(models).map(([name, model]) => [
      name,
      isModelRef(model) ? (byHash.get(model.ref) ?? model) : model,
    ]),
  );
  return { ...definition, autoQa: { ...definition.autoQa, textModels: data } };
}

/** As an API answer or a page shows a definition: every model as its reference, never weights. */
export function withoutWeights(definition: ScorecardDefinition): ScorecardDefinition {
  const models = definition.autoQa?.textModels;
  if (models === undefined) return definition;
  const brief = Object.fromEntries(
    Object.entries(models).map(([name, model]) => [
      name,
      isModelRef(model) ? model : modelRef(model),
    ]),
  );
  return { ...definition, autoQa: { ...definition.autoQa, textModels: brief } };
}
