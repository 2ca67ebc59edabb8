/**
 * The one place that reads process.env. Validated at start-up: a bad value stops the app with
 * a message naming the variable.
 */
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  MaxLength,
} from 'class-validator';
import * as path from 'path';
import { DEFAULT_DISPLAY_TIME_ZONE, isTimeZone, setDisplayTimeZone } from '../common/time-zone';
import { parseRetentionOverrides, type RetentionPolicy } from './retention-policy';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class Environment {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  SCORECARDS_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
  MAX_UPLOAD_MB?: number;

  /** Transcript imports, per request: unpacked bytes of all files and zips, and their number. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(4096)
  MAX_UNPACKED_MB?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_IMPORT_FILES?: number;

  /** The first admin, created at start when no user has this e-mail (see README). */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  /** Sign-in cookies: absolute lifetime and idle timeout. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES?: number;

  /** `Secure` cookie flag: auto = when the request came over HTTPS (see TRUST_PROXY). */
  @IsOptional()
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE?: 'auto' | 'true' | 'false';

  /** Express `trust proxy`: set when a reverse proxy terminates HTTPS (e.g. 1 or loopback). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Failed sign-ins allowed per account, and per address (×4), in 15 minutes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES?: number;

  @IsOptional()
  @IsIn(['on', 'off'])
  AUTOQA?: 'on' | 'off';

  /** Background work (outbox, auto-QA, sampling) in this web instance; off: left to `npm run worker`. */
  @IsOptional()
  @IsIn(['on', 'off'])
  WORKERS?: 'on' | 'off';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  COMPANY_NAMES?: string;

  /** The work queue never gives an evaluator a call of an agent of their own team (users.teamId). */
  @IsOptional()
  @IsIn(['on', 'off'])
  QUEUE_AVOID_OWN_TEAM?: 'on' | 'off';

  /** Days an agent has, from submission, to acknowledge or dispute an evaluation. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  DISPUTE_WINDOW_DAYS?: number;

  /** The time zone people type and read times in (an IANA name); the database keeps UTC. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  TZ_DISPLAY?: string;

  /** Personal data masked in transcripts at import (see README, Privacy). */
  @IsOptional()
  @IsIn(['on', 'off'])
  REDACTION?: 'on' | 'off';

  @IsOptional()
  @IsIn(['off', 'detail', 'full'])
  REDACTION_ADDRESS?: 'off' | 'detail' | 'full';

  /** Sources imported without redaction (comma-separated), e.g. one already redacted upstream. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  REDACTION_OFF_SOURCES?: string;

  /** Days a transcript is kept after the call (see README, Retention); unset = kept. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  RETENTION_TRANSCRIPT_DAYS?: number;

  /** Per-source days, `source=days` comma-separated (`off` = kept), e.g. "pbx=30, legacy=off". */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  RETENTION_SOURCE_DAYS?: string;

  /** Per-channel days, `channel=days` comma-separated, e.g. "chat=90, voice=365". */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  RETENTION_CHANNEL_DAYS?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export interface AppConfig {
  port: number;
  host: string;
  database: { type: 'sqlite'; file: string } | { type: 'postgres'; url: string };
  dataDir: string;
  scorecardsDir: string;
  maxUploadBytes: number;
  /** One transcript import request: files (zip contents included) and unpacked bytes in all. */
  importLimits: { files: number; bytes: number };
  /** Created at start when set and missing. */
  admin: { email: string; password: string } | null;
  session: { maxAgeMs: number; idleMs: number; secure: 'auto' | boolean };
  trustProxy: string | null;
  loginMaxFailures: number;
  /** Pre-score every imported interaction in the background (AUTOQA=on|off). */
  autoQa: boolean;
  /** A web instance runs the background work too (WORKERS=on|off, default on). */
  workers: boolean;
  /** The company's names and aliases for auto-QA's greeting checks (COMPANY_NAMES="한빛통신, 한빛"). */
  companyNames: string[];
  /** Work queue: never assign a call to an evaluator of the agent's own team (QUEUE_AVOID_OWN_TEAM=on|off). */
  queueAvoidOwnTeam: boolean;
  /** Days an agent has to acknowledge or dispute a submitted evaluation (DISPUTE_WINDOW_DAYS). */
  disputeWindowDays: number;
  /** TZ_DISPLAY: forms and pages show times in it; CSV and API give ISO times with its offset. */
  displayTimeZone: string;
  /**
   * Redaction at import (REDACTION=on|off, REDACTION_ADDRESS=off|detail|full,
   * REDACTION_OFF_SOURCES="a, b": sources stored as they come).
   */
  redaction: { enabled: boolean; address: 'off' | 'detail' | 'full'; offSources: string[] };
  /** How long transcripts are kept (RETENTION_TRANSCRIPT_DAYS, RETENTION_SOURCE/CHANNEL_DAYS). */
  retention: RetentionPolicy;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(Environment, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const zone = parsed.TZ_DISPLAY?.trim() || DEFAULT_DISPLAY_TIME_ZONE;
  if (!isTimeZone(zone)) {
    throw new ConfigError(
      `Invalid configuration:\n  TZ_DISPLAY=${JSON.stringify(env.TZ_DISPLAY)}: not a time zone (an IANA name such as Asia/Seoul)`,
    );
  }
  // The pages' date helpers and the forms read it from here (src/common/time-zone.ts).
  setDisplayTimeZone(zone);
  const root = process.cwd();
  const dataDir = path.resolve(root, parsed.DATA_DIR ?? 'data');
  return {
    port: parsed.PORT ?? 3000,
    host: parsed.HOST ?? '0.0.0.0',
    database: parsed.DATABASE_URL
      ? { type: 'postgres', url: parsed.DATABASE_URL }
      : { type: 'sqlite', file: path.join(dataDir, 'qa.sqlite') },
    dataDir,
    scorecardsDir: path.resolve(root, parsed.SCORECARDS_DIR ?? 'scorecards'),
    maxUploadBytes: (parsed.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    importLimits: {
      files: parsed.MAX_IMPORT_FILES ?? 10_000,
      bytes: (parsed.MAX_UNPACKED_MB ?? 512) * 1024 * 1024,
    },
    admin: adminFrom(parsed),
    session: {
      maxAgeMs: (parsed.SESSION_HOURS ?? 12) * 3_600_000,
      idleMs: (parsed.SESSION_IDLE_MINUTES ?? 120) * 60_000,
      secure:
        parsed.COOKIE_SECURE === undefined || parsed.COOKIE_SECURE === 'auto'
          ? 'auto'
          : parsed.COOKIE_SECURE === 'true',
    },
    trustProxy: parsed.TRUST_PROXY ?? null,
    loginMaxFailures: parsed.LOGIN_MAX_FAILURES ?? 5,
    autoQa: (parsed.AUTOQA ?? 'on') === 'on',
    workers: (parsed.WORKERS ?? 'on') === 'on',
    companyNames: parseCompanyNames(parsed.COMPANY_NAMES),
    queueAvoidOwnTeam: (parsed.QUEUE_AVOID_OWN_TEAM ?? 'on') === 'on',
    disputeWindowDays: parsed.DISPUTE_WINDOW_DAYS ?? 7,
    displayTimeZone: zone,
    redaction: {
      enabled: (parsed.REDACTION ?? 'on') === 'on',
      address: parsed.REDACTION_ADDRESS ?? 'detail',
      offSources: (parsed.REDACTION_OFF_SOURCES ?? '')
        .split(',')
        .map((source) => source.trim())
        .filter((source) => source !== ''),
    },
    retention: retentionPolicyFrom(parsed),
    logLevel: parsed.LOG_LEVEL ?? 'log',
  };
}

function retentionPolicyFrom(parsed: Environment): RetentionPolicy {
  const overrides = (variable: string, value: string | undefined, allowed?: readonly string[]) => {
    try {
      return parseRetentionOverrides(value, allowed);
    } catch (e) {
      throw new ConfigError(`Invalid configuration:\n  ${variable}: ${(e as Error).message}`);
    }
  };
  return {
    defaultDays: parsed.RETENTION_TRANSCRIPT_DAYS ?? null,
    sources: overrides('RETENTION_SOURCE_DAYS', parsed.RETENTION_SOURCE_DAYS),
    channels: overrides('RETENTION_CHANNEL_DAYS', parsed.RETENTION_CHANNEL_DAYS, ['voice', 'chat']),
  };
}

function adminFrom(parsed: Environment): AppConfig['admin'] {
  if (!parsed.ADMIN_EMAIL && !parsed.ADMIN_PASSWORD) return null;
  if (!parsed.ADMIN_EMAIL || !parsed.ADMIN_PASSWORD) {
    throw new ConfigError(
      'Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither',
    );
  }
  return { email: parsed.ADMIN_EMAIL.toLowerCase(), password: parsed.ADMIN_PASSWORD };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** `COMPANY_NAMES="한빛통신, 한빛"`: the installation's names, comma-separated (at most 20). */
export function parseCompanyNames(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .slice(0, 20);
}
