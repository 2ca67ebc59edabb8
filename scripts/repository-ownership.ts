/**
 * One owner per table (CONTRIBUTING.md, "Data ownership"), checked by `npm run check`
 * (`check:architecture` runs it): in a `*.repository.ts`, a TypeORM call rooted at an entity of
 * another folder — `manager.find(Other…)`, `getRepository(Other)`, `createQueryBuilder(Other…)`,
 * `.insert(Other…)`, `.into(Other)`, `@InjectRepository(Other)` … — is refused: that read or write
 * belongs to the other table's repository. A join of another folder's entity
 * (`.innerJoin(Other, …)`) is a read model: allowed only in a method listed in ALLOWED, with its
 * reason, so every read model that reaches into another folder's table is written down once.
 *
 * Not seen: tables named by a string (`.from('evaluation_answers', …)`) or in raw SQL.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** A method of a repository allowed to join (or root a query at) other folders' entities, and why. */
export interface AllowedReadModel {
  file: string;
  method: string;
  entities: readonly string[];
  reason: string;
}

/**
 * The read models kept in the repository of the table they list (CONTRIBUTING.md, Data
 * ownership), one line of reason each. A standalone read or write of another table is not one:
 * it belongs to that table's repository.
 */
export const ALLOWED: readonly AllowedReadModel[] = [
  {
    file: 'src/abuse/abuse.repository.ts',
    method: 'flaggedCalls',
    entities: ['Interaction'],
    reason: 'the protection report: flagged calls (abuse_flags) with their call, agent and team',
  },
  {
    file: 'src/disputes/disputes.repository.ts',
    method: 'openDisputes',
    entities: ['Evaluation'],
    reason: "open disputes (evaluation_responses) filtered by their evaluation's status and scope",
  },
  {
    file: 'src/evaluations/evaluations.repository.ts',
    method: 'latestAnswersBesideSuggestions',
    entities: ['Interaction', 'Turn'],
    reason: "auto-QA's overrides: answers with their call's id and the turn they pinned",
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'candidates',
    entities: ['Interaction'],
    reason: 'sampling: the calls no queue item holds yet (NOT EXISTS queue_items), read as one set',
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'criticalBreakdowns',
    entities: ['Evaluation'],
    reason: 'sampling: the latest auto breakdown of the calls no queue item holds yet',
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'queuedByRules',
    entities: ['Interaction'],
    reason: "the quota: each rule's queue items with their call's agent and start",
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'evaluatorLoads',
    entities: ['User'],
    reason: 'assignment: each active evaluator with the count of their open queue items',
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'pool',
    entities: ['Interaction', 'Agent'],
    reason: "assignment: unassigned queue items with their call's agent team",
  },
  {
    file: 'src/queue/queue.repository.ts',
    method: 'openDraftOf',
    entities: ['Evaluation'],
    reason: "'start next': the actor's in-progress queue item whose evaluation is still a draft",
  },
  {
    file: 'src/users/users.repository.ts',
    method: 'teamLeadIds',
    entities: ['Team', 'Agent'],
    reason: "the active users leading an agent's team (notices), joined through teams and agents",
  },
];

/** The TypeORM calls whose first argument names the table a query or write is rooted at. */
const ROOTING_CALLS = [
  'InjectRepository',
  'getRepository',
  'createQueryBuilder',
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'create',
  'save',
  'insert',
  'upsert',
  'update',
  'delete',
  'softDelete',
  'restore',
  'remove',
  'increment',
  'decrement',
  'into',
  'from',
  // A join of another folder's entity is a read model: allowed only when listed in ALLOWED.
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'leftJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapMany',
];

export interface CrossTableCall {
  file: string;
  line: number;
  method: string | null;
  entity: string;
  call: string;
}

/** The folder of src/ a path belongs to (`src/queue/queue.repository.ts` → `queue`). */
function folderOf(path: string): string | null {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : null;
}

/**
 * Entity classes a source imports at run time from another folder of src/ (`import type` and
 * `type X` specifiers do not count: they cannot root a query).
 */
function foreignEntities(file: string, source: string): Set<string> {
  const own = folderOf(file);
  const names = new Set<string>();
  const imports = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';/gm;
  for (const m of source.matchAll(imports)) {
    if (m[1] || !m[3].endsWith('.entity')) continue;
    const target = join(file, '..', m[3]).replace(/\\/g, '/');
    if (folderOf(target) === own) continue;
    for (const specifier of m[2].split(',')) {
      const name = specifier.trim();
      if (!name || name.startsWith('type ')) continue;
      names.add(
        name
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
    }
  }
  return names;
}

/** The class method (two-space indented, as Prettier writes it) a line belongs to. */
function methodAt(lines: string[], index: number): string | null {
  const head =
    /^ {2}(?:@\w+\([^)]*\)\s*)?(?:(?:public|private|protected|static|async|readonly|get)\s+)*(\w+)\s*(?:<[^>]*>)?\(/;
  for (let i = index; i >= 0; i--) {
    const m = head.exec(lines[i]);
    if (m) return m[1];
    if (/^\S/.test(lines[i]) && i !== index) return null;
  }
  return null;
}

/** The calls of one repository source rooted at another folder's entity. */
export function crossTableCalls(file: string, source: string): CrossTableCall[] {
  const entities = foreignEntities(file, source);
  if (entities.size === 0) return [];
  const names = [...entities].join('|');
  const call = new RegExp(
    `\\b(${ROOTING_CALLS.join('|')})\\s*(?:<[^>(]*>)?\\(\\s*(${names})\\b`,
    'g',
  );
  const lines = source.split('\n');
  const found: CrossTableCall[] = [];
  lines.forEach((text, index) => {
    for (const m of text.matchAll(call)) {
      found.push({
        file,
        line: index + 1,
        method: methodAt(lines, index),
        entity: m[2],
        call: m[1],
      });
    }
  });
  return found;
}

/** The calls not in the allow-list. */
export function refused(
  calls: readonly CrossTableCall[],
  allowed: readonly AllowedReadModel[] = ALLOWED,
): CrossTableCall[] {
  return calls.filter(
    (c) =>
      !allowed.some(
        (a) => a.file === c.file && a.method === c.method && a.entities.includes(c.entity),
      ),
  );
}

function repositoryFiles(root: string, dir = 'src'): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return repositoryFiles(root, path);
    return entry.name.endsWith('.repository.ts') ? [path] : [];
  });
}

/**
 * The problems of the tree at `root`: each cross-table call not allowed, and each allow-list
 * entry that no longer matches a call (remove it).
 */
export function ownershipProblems(root: string): string[] {
  const calls = repositoryFiles(root).flatMap((file) =>
    crossTableCalls(file, readFileSync(join(root, file), 'utf8')),
  );
  const problems = refused(calls).map(
    (c) =>
      `${c.file}:${c.line} ${c.method ?? '(outside a method)'}: ${c.call}(${c.entity}…) reads or writes another folder's table; ask its repository (CONTRIBUTING.md, Data ownership)`,
  );
  for (const a of ALLOWED) {
    for (const entity of a.entities) {
      if (!calls.some((c) => c.file === a.file && c.method === a.method && c.entity === entity)) {
        problems.push(
          `scripts/repository-ownership.ts: ALLOWED lists ${a.file} ${a.method} (${entity}), which no longer reads it there; remove it`,
        );
      }
    }
  }
  return problems;
}
