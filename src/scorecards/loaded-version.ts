/**
 * Checked accessors for scorecard relations a query must have loaded: a row read without them is
 * a programming error named here, not a TypeError on `undefined` somewhere further on.
 */
import type { ScorecardVersion } from './entities/scorecard-version.entity';
import type { Scorecard } from './entities/scorecard.entity';

/** The scorecard version loaded with an evaluation or a calibration session. */
export function scorecardVersionOf(owner: {
  id: number;
  scorecardVersion?: ScorecardVersion | null;
}): ScorecardVersion {
  const version = owner.scorecardVersion;
  if (!version) {
    throw new Error(
      `${owner.constructor.name} ${owner.id} was loaded without its scorecard version`,
    );
  }
  return version;
}

/** The scorecard loaded with a version (`scorecardVersion: { scorecard: true }`). */
export function scorecardOf(version: ScorecardVersion): Scorecard {
  if (!version.scorecard) {
    throw new Error(`scorecard version ${version.id} was loaded without its scorecard`);
  }
  return version.scorecard;
}
