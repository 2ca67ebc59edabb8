import { ApiToken } from '../auth/entities/api-token.entity';
import { Session } from '../auth/entities/session.entity';
import { Agent } from '../agents/entities/agent.entity';
import { Team } from '../agents/entities/team.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { EvaluationAnswer } from '../evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import { ScorecardVersion } from '../scorecards/entities/scorecard-version.entity';
import { Scorecard } from '../scorecards/entities/scorecard.entity';
import { User } from '../users/entities/user.entity';

export const ENTITIES = [
  Team,
  Agent,
  User,
  Interaction,
  Turn,
  Scorecard,
  ScorecardVersion,
  Evaluation,
  EvaluationAnswer,
  AuditEntry,
  Session,
  ApiToken,
];
