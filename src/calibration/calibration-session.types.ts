import type { CalibrationResults } from './calibration-results';
import type { CalibrationStatus } from './entities/calibration-session.entity';

/** What the calibration pages and API are given and answer: plain data. */

export interface OpenCalibrationInput {
  interactionId: number;
  scorecardKey: string;
  participantIds: number[];
  expertId: number;
  note?: string | null;
  dueAt?: Date | null;
}

export interface ParticipantView {
  userId: number;
  name: string;
  isExpert: boolean;
  started: boolean;
  submitted: boolean;
}

export interface CalibrationSessionView {
  id: number;
  status: CalibrationStatus;
  interaction: { id: number; externalId: string; source: string };
  scorecard: { key: string; name: string; version: number };
  expert: { id: number; name: string } | null;
  createdById: number | null;
  note: string | null;
  dueAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  participants: ParticipantView[];
  /** The actor's own part, when they take part. */
  mine: { evaluationId: number | null; submitted: boolean } | null;
  /** Only once the session is closed: scores stay blind until then. */
  results: CalibrationResults | null;
}

export interface SessionSummary {
  id: number;
  interaction: { id: number; externalId: string };
  scorecard: { key: string; name: string; version: number };
  expertName: string | null;
  dueAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  participants: number;
  submitted: number;
  mine: { started: boolean; submitted: boolean } | null;
}
