import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Agent } from '../../agents/entities/agent.entity';
import type { Channel } from '../../transcripts/transcript';
import { Turn } from './turn.entity';

@Entity('interactions')
@Unique('UQ_interactions_source_external_id', ['source', 'externalId'])
@Index('IDX_interactions_started_at', ['startedAt'])
@Index('IDX_interactions_agent_started_at', ['agentId', 'startedAt'])
export class Interaction {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120 })
  source: string;

  @Column({ type: 'varchar', length: 200 })
  externalId: string;

  @Column({ type: 'varchar', length: 10 })
  channel: Channel;

  @Column({ type: 'varchar', length: 10 })
  language: string;

  @Column({ type: 'integer', nullable: true })
  agentId: number | null;

  @ManyToOne(() => Agent, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agentId' })
  agent?: Agent | null;

  @Column({ type: Date })
  startedAt: Date;

  @Column({ type: 'integer' })
  durationMs: number;

  @Column({ type: 'varchar', length: 120, nullable: true })
  queue: string | null;

  /** CSAT, FCR, disposition and anything else the source carried. */
  @Column({ type: 'simple-json', nullable: true })
  metadata: Record<string, unknown> | null;

  /** The agent's after-call notes. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  recordingUrl: string | null;

  @Column({ type: 'integer' })
  turnCount: number;

  @OneToMany(() => Turn, (turn) => turn.interaction)
  turns?: Turn[];

  @CreateDateColumn()
  importedAt: Date;

  /**
   * When the import (or `redact-existing`) masked the transcript's personal data; null for a
   * call stored verbatim (imported before redaction existed, or with redaction off).
   */
  @Column({ type: Date, nullable: true })
  redactedAt: Date | null;

  /** When the turns, notes and recording reference were deleted (retention or a data request). */
  @Column({ type: Date, nullable: true })
  transcriptDeletedAt: Date | null;

  /** Why: 'retention' or 'request' (a data subject request). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  transcriptDeletedBy: TranscriptDeletion | null;
}

export type TranscriptDeletion = 'retention' | 'request';
