/**
 * What sign-in needs from the people directory (src/users/): auth sits below users, which
 * provides this token (UsersModule: `USER_DIRECTORY` is `UsersService`), so that auth imports no
 * users code at run time.
 */
import type { Actor } from '../common/current-user';
import type { User } from '../users/entities/user.entity';

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');

export interface UserDirectory {
  /** The actor behind a session or token; null when the user is gone or deactivated. */
  actorFor(userId: number): Promise<Actor | null>;
  /** For sign-in only: the one read that includes the password hash. */
  findWithPassword(email: string): Promise<User | null>;
  markSignedIn(userId: number): Promise<void>;
}
