/**
 * The one place that reads process.env. Validated at start-up: a bad value stops the app with
 * a message naming the variable.
 */
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import * as path from 'path';

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

  @IsOptional()
  @IsString()
  DEFAULT_USER_EMAIL?: string;

  @IsOptional()
  @IsIn(['on', 'off'])
  AUTOQA?: 'on' | 'off';

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
  /** Who the app acts as until sign-in exists (issue: people and permissions). */
  defaultUserEmail: string;
  /** Pre-score every imported interaction in the background (AUTOQA=on|off). */
  autoQa: boolean;
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
    defaultUserEmail: parsed.DEFAULT_USER_EMAIL ?? 'evaluator@demo.local',
    autoQa: (parsed.AUTOQA ?? 'on') === 'on',
    logLevel: parsed.LOG_LEVEL ?? 'log',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
