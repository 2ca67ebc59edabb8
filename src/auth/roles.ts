/** Every role a user may have (the users table's `role`). */
export const ROLES = ['admin', 'evaluator', 'team_lead', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** The role sets the route table uses (PRODUCT.md, "Roles"). */
export const EVERYONE: readonly Role[] = ROLES;
/** Everyone who works on quality: not agents. */
export const STAFF: readonly Role[] = ['admin', 'evaluator', 'team_lead'];
/** Who imports data and scores calls. */
export const QA: readonly Role[] = ['admin', 'evaluator'];
export const ADMIN: readonly Role[] = ['admin'];
/** Who writes coaching plans and runs feedback sessions. */
export const COACHES: readonly Role[] = ['admin', 'team_lead'];
export const AGENTS: readonly Role[] = ['agent'];
/** Who records protective actions after abusive calls and reads the protection report. */
export const PROTECTORS: readonly Role[] = ['admin', 'team_lead'];

/** What the navigation shows; the routes themselves are guarded by the same sets. */
export function navFor(role: Role | undefined) {
  const has = (set: readonly Role[]) => !!role && set.includes(role);
  return {
    interactions: has(EVERYONE),
    imports: has(QA),
    mysteryShop: has(QA),
    scorecards: has(EVERYONE),
    queue: has(QA),
    calibration: has(QA),
    disputes: has(STAFF),
    analytics: has(STAFF),
    protection: has(PROTECTORS),
    coaching: has(EVERYONE),
    myEvaluations: role === 'agent',
    notifications: has(EVERYONE),
    users: has(ADMIN),
    audit: has(ADMIN),
    account: has(EVERYONE),
  };
}
