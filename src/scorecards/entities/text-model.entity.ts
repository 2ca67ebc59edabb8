import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TextModelData } from '../../autoqa/text-model';

/**
 * The model store: each learned text model once, under the sha256 of its canonical JSON.
 * Immutable; scorecard versions refer to it by hash (src/scorecards/text-model-refs.ts).
 */
@Entity('text_models')
export class TextModelRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'simple-json' })
  data: TextModelData;

  @CreateDateColumn()
  createdAt: Date;
}
