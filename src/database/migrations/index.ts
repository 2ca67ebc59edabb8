import { Initial1795546664163 } from './1795546664163-Initial';
import { AutoQa1795547984566 } from './1795547984566-AutoQa';
import { Auth1795764368115 } from './1795764368115-Auth';
import { Workspace1795766625194 } from './1795766625194-Workspace';
import { SignInAttempts1796475690575 } from './1796475690575-SignInAttempts';
import { EndDeactivatedAccess1796475690576 } from './1796475690576-EndDeactivatedAccess';
import { OneOpenDraft1796507733175 } from './1796507733175-OneOpenDraft';
import { OneAutoEvaluation1796508360051 } from './1796508360051-OneAutoEvaluation';
import { StoredFiles1796509000000 } from './1796509000000-StoredFiles';
import { RedactionFindings1796521190063 } from './1796521190063-RedactionFindings';
import { Outbox1796533016822 } from './1796533016822-Outbox';
import { TranscriptRetention1796532716015 } from './1796532716015-TranscriptRetention';
import { AbuseFlags1796533714837 } from './1796533714837-AbuseFlags';
import { Experiments1796534472555 } from './1796534472555-Experiments';
import { TeamFocus1796563694919 } from './1796563694919-TeamFocus';
import { QueueReasonCodes1796586636230 } from './1796586636230-QueueReasonCodes';
import { ScorecardPublisher1796599233819 } from './1796599233819-ScorecardPublisher';
import { OutcomeRollups1796599296334 } from './1796599296334-OutcomeRollups';
import { TextModelStore1796684820344 } from './1796684820344-TextModelStore';

/** In order. New ones come from scripts/generate-migration.ts. */
export const MIGRATIONS = [
  Initial1795546664163,
  AutoQa1795547984566,
  Auth1795764368115,
  Workspace1795766625194,
  SignInAttempts1796475690575,
  EndDeactivatedAccess1796475690576,
  OneOpenDraft1796507733175,
  OneAutoEvaluation1796508360051,
  StoredFiles1796509000000,
  RedactionFindings1796521190063,
  Outbox1796533016822,
  TranscriptRetention1796532716015,
  AbuseFlags1796533714837,
  Experiments1796534472555,
  TeamFocus1796563694919,
  QueueReasonCodes1796586636230,
  ScorecardPublisher1796599233819,
  OutcomeRollups1796599296334,
  TextModelStore1796684820344,
];
