import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Evaluation } from './evaluation.entity';
import type { ReasonParams } from '../../autoqa/reason-codes';
import type { Evidence } from '../../autoqa/autoqa.types';

@Entity('evaluation_answers')
@Index('IDX_evaluation_answers_evaluation_criterion', ['evaluationId', 'criterionKey'], {
  unique: true,
})
export class EvaluationAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  evaluationId: number;

  @ManyToOne(() => Evaluation, (e) => e.answers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation?: Evaluation;

  @Column({ type: 'varchar', length: 120 })
  criterionKey: string;

  /** Null = N/A. */
  @Column({ type: 'integer', nullable: true })
  value: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The moment of the call the comment is about. */
  @Column({ type: 'integer', nullable: true })
  turnIndex: number | null;

  @Column({ type: 'integer', nullable: true })
  timeMs: number | null;

  /**
   * Whether the answer counts as a pass for pattern analytics (analytics/patterns.ts
   * answerPassed: yes, 4-5 of 5, ≥ 80 % of points, never below a critical threshold); null for
   * N/A. Set whenever answers are written.
   */
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /**
   * What auto-QA suggested for this criterion ('pass' | 'fail' | 'na'), kept beside the human's
   * value so machine-human agreement can be reported. Null when there was no suggestion.
   */
  @Column({ type: 'varchar', length: 4, nullable: true })
  suggestion: AutoSuggestion | null;

  /** The machine's evidence: the turns, times and words behind the suggestion. */
  @Column({ type: 'simple-json', nullable: true })
  evidence: StoredEvidence | null;
}

export type AutoSuggestion = 'pass' | 'fail' | 'na';

export interface StoredEvidence {
  /** Auto-QA's English reason; shown as is for answers stored before reason codes. */
  reason: string;
  /** The reason as a code and parameters (src/autoqa/reason-codes.ts), shown in the page's language. */
  reasonCode?: string;
  reasonParams?: ReasonParams;
  items: Evidence[];
  /** Auto-QA's confidence (0..1) and whether the suggestion is only a best guess. */
  confidence?: number;
  needsReview?: boolean;
}
