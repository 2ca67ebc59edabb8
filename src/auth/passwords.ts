/**
 * Password hashing with argon2id (memory-hard), at OWASP's recommended minimum cost
 * (19 MiB, 2 passes, 1 lane): about 30 ms a hash on this class of machine.
 */
import * as argon2 from 'argon2';
import { randomToken } from './secrets';

export const MIN_PASSWORD_LENGTH = 10;

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Why a new password is refused (English, and its locale key for the page), or null when it is
 * acceptable. A policy, not a form check: the users service applies it to every new password,
 * from a page, the CLI or ADMIN_PASSWORD.
 */
export function passwordProblem(
  password: string,
  email?: string,
): { reason: string; key: string; params?: Record<string, string> } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      reason: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      key: 'password.tooShort',
      params: { min: String(MIN_PASSWORD_LENGTH) },
    };
  }
  if (password.length > 200) {
    return { reason: 'must be at most 200 characters', key: 'password.tooLong' };
  }
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0])) {
    return { reason: 'must not contain your e-mail name', key: 'password.containsEmail' };
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same time as a real check when the e-mail is unknown, so response times do not
 * tell which e-mails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomToken());
  await verifyPassword(await dummy, password);
  return false;
}
