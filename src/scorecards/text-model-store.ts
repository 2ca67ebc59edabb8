import { Injectable } from '@nestjs/common';
import type { TextModelData } from '../autoqa/text-model';
import type { ScorecardDefinition } from './scorecard-definition';
import { modelRefsOf, withModelData } from './text-model-refs';
import { TextModelsRepository } from './text-models.repository';

/**
 * The model store as auto-QA's callers use it: a stored version's definition with its text
 * models' data put back, read from `text_models` once per model (models are immutable) and
 * answered with the same object for the same definition, so the engine compiles a version once.
 */
@Injectable()
export class TextModelStore {
  private readonly byHash = new Map<string, TextModelData>();
  private readonly whole = new WeakMap<ScorecardDefinition, ScorecardDefinition>();

  constructor(private readonly repository: TextModelsRepository) {}

  async withData(definition: ScorecardDefinition): Promise<ScorecardDefinition> {
    const known = this.whole.get(definition);
    if (known !== undefined) return known;
    const missing = modelRefsOf(definition).filter((hash) => !this.byHash.has(hash));
    for (const record of await this.repository.byHashes(missing)) {
      this.byHash.set(record.hash, record.data);
    }
    const whole = withModelData(definition, this.byHash);
    this.whole.set(definition, whole);
    return whole;
  }
}
