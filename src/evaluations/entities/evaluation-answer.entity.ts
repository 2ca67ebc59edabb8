import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Evaluation } from './evaluation.entity';

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
}
