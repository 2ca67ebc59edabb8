import { MigrationInterface, QueryRunner } from 'typeorm';

const DEACTIVATED = 'SELECT "id" FROM "users" WHERE NOT "active"';

/**
 * Data only, the same SQL on both databases: users deactivated before deactivation ended their
 * sessions and API tokens lose them now, so re-activating them brings none back.
 */
export class EndDeactivatedAccess1796475690576 implements MigrationInterface {
  name = 'EndDeactivatedAccess1796475690576';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "sessions" WHERE "userId" IN (${DEACTIVATED})`);
    await runner.query(
      `UPDATE "api_tokens" SET "revokedAt" = CURRENT_TIMESTAMP WHERE "revokedAt" IS NULL AND "userId" IN (${DEACTIVATED})`,
    );
  }

  /** Ended sessions and revoked tokens stay ended. */
  async down(): Promise<void> {}
}
