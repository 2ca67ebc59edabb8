import { ApiToken } from '../../auth/entities/api-token.entity';
import { Session } from '../../auth/entities/session.entity';
import { SignInAttempt } from '../../auth/entities/sign-in-attempt.entity';
import { Agent } from '../../agents/entities/agent.entity';
import { Team } from '../../agents/entities/team.entity';
import { AuditEntry } from '../../audit/entities/audit-entry.entity';
import { EvaluationAnswer } from '../../evaluations/entities/evaluation-answer.entity';
import { Evaluation } from '../../evaluations/entities/evaluation.entity';
import { Interaction } from '../../interactions/entities/interaction.entity';
import { Turn } from '../../interactions/entities/turn.entity';
import { ScorecardVersion } from '../../scorecards/entities/scorecard-version.entity';
import { Scorecard } from '../../scorecards/entities/scorecard.entity';
import { TextModelRecord } from '../../scorecards/entities/text-model.entity';
import { User } from '../../users/entities/user.entity';

import { CriterionStat } from '../../analytics/entities/criterion-stat.entity';
import { DriverFact } from '../../outcomes/entities/driver-fact.entity';
import { OutcomeStat } from '../../outcomes/entities/outcome-stat.entity';
import { CalibrationParticipant } from '../../calibration/entities/calibration-participant.entity';
import { CalibrationSession } from '../../calibration/entities/calibration-session.entity';
import { CoachingPlan } from '../../coaching/entities/coaching-plan.entity';
import { FeedbackSession } from '../../coaching/entities/feedback-session.entity';
import { EvaluationResponse } from '../../disputes/entities/evaluation-response.entity';
import { Notification } from '../../notifications/entities/notification.entity';
import { OutboxEvent } from '../../events/entities/outbox-event.entity';
import { RedactionFindingRow } from '../../privacy/entities/redaction-finding.entity';
import { AbuseFlag } from '../../abuse/entities/abuse-flag.entity';
import { ProtectiveAction } from '../../abuse/entities/protective-action.entity';
import { QueueItem } from '../../queue/entities/queue-item.entity';
import { SamplingRule } from '../../queue/entities/sampling-rule.entity';
import { Experiment } from '../../experiments/entities/experiment.entity';
import { TeamFocus } from '../../team-focus/entities/team-focus.entity';

export const ENTITIES = [
  Team,
  Agent,
  User,
  Interaction,
  Turn,
  Scorecard,
  ScorecardVersion,
  TextModelRecord,
  Evaluation,
  EvaluationAnswer,
  AuditEntry,
  Session,
  ApiToken,
  SignInAttempt,
  EvaluationResponse,
  Notification,
  CalibrationSession,
  CalibrationParticipant,
  SamplingRule,
  Experiment,
  TeamFocus,
  QueueItem,
  CoachingPlan,
  FeedbackSession,
  CriterionStat,
  OutcomeStat,
  DriverFact,
  RedactionFindingRow,
  AbuseFlag,
  ProtectiveAction,
  OutboxEvent,
];
