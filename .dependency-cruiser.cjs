/**
 * The import rules of ARCHITECTURE.md, checked by `npm run check` (dependency-cruiser):
 * no runtime import cycle, and no import that runs upward — shared helpers (common/, the low
 * layer of database/, scoring/) import no feature, and nothing in the app imports demo/, cli/
 * or the entity registry. Type-only imports vanish at run time and are not counted as cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment:
        'A runtime import cycle (type-only imports excepted). TypeORM entities may refer to each other: their relations are lazy (() => Entity).',
      severity: 'error',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'common-is-low',
      comment:
        'src/common/ holds the cross-cutting helpers: it imports no feature, not even config/, at run time (a type such as Role or AppConfig may be named; a value it needs from the configuration is an injection token provided by ConfigModule, as MAX_UPLOAD_BYTES).',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'database-low-layer',
      comment:
        'src/database/ (transaction, raw values, locks, migrations) imports no feature; only database/registry/ knows every entity.',
      severity: 'error',
      from: { path: '^src/database/', pathNot: '^src/database/registry/' },
      to: { path: '^src/', pathNot: '^src/(database|common)/' },
    },
    {
      name: 'scoring-is-pure',
      comment:
        'The score formula and the pass rule are pure: scorecard definitions in, numbers out; no Nest, no TypeORM.',
      severity: 'error',
      from: { path: '^src/scoring/' },
      to: {
        pathNot: '^src/(scoring/|scorecards/scorecard-definition\\.ts$)',
      },
    },
    {
      name: 'scorecard-schema-is-low',
      comment:
        'The pure parts of the scorecard format that both scorecards/ and autoqa/ read (problems, field readers, the auto block and autoQa settings validators, the phrase-entry syntax) import only common/ at run time: no feature, no Nest, no TypeORM (a type such as AutoBlock may be named).',
      severity: 'error',
      from: { path: '^src/scorecard-schema/' },
      to: {
        pathNot: '^src/(scorecard-schema|common)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'statistics-is-pure',
      comment:
        'The statistics core (intervals, tests, power, regression) takes plain numbers: it imports only simple-statistics and jstat.',
      severity: 'error',
      from: { path: '^src/statistics/' },
      to: { pathNot: '^(src/statistics/|node_modules/(simple-statistics|jstat)/)' },
    },
    {
      name: 'evaluations-below-disputes',
      comment:
        'Disputes build on evaluations; the evaluation page that shows both is assembled above them (src/evaluation-page/).',
      severity: 'error',
      from: { path: '^src/(evaluations|interactions|scoring|scorecards)/' },
      to: { path: '^src/(disputes|evaluation-page)/' },
    },
    {
      name: 'repositories-below-services',
      comment:
        'A repository holds the queries of the tables it owns and no domain rules: it imports no service, controller, page or module (it may use another repository, entities, visibility SQL and low helpers).',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: {
        path: '\\.(service|controller|pages\\.controller|module|scheduler|listener)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'registry-only-at-the-top',
      comment: 'The entity registry and data source are wired in app.module.ts and the CLI only.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: '^src/(app\\.module\\.ts|cli\\.ts|cli/|database/registry/)',
      },
      to: { path: '^src/database/registry/' },
    },
    {
      name: 'no-demo-in-the-app',
      comment: 'The demo data is loaded by the CLI (npm run demo); the app never imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(demo/|cli/|cli\\.ts$)' },
      to: { path: '^src/demo/' },
    },
    {
      name: 'no-cli-in-the-app',
      comment: 'Commands sit above the app: only src/cli.ts and src/cli/ import src/cli/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|cli\\.ts$)' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
