import * as fc from 'fast-check';

/** A place in a JSON document: keys and array indexes from the root. */
export type JsonPath = ReadonlyArray<string | number>;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Every node below the root, parents before children. */
export function allPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (!isContainer(value)) return [];
  const keys: Array<string | number> = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...allPaths((value as Record<string | number, unknown>)[key], path)];
  });
}

function parentOf(root: unknown, path: JsonPath): Record<string | number, unknown> {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string | number, unknown>;
}

export function setAt(root: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(root);
  parentOf(copy, path)[path[path.length - 1]] = value;
  return copy;
}

export function deleteAt(root: unknown, path: JsonPath): unknown {
  const copy = structuredClone(root);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
  return copy;
}

/** Start/end pairs the formats use; swapping them makes a reversed time span. */
const TIME_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['start_time', 'end_time'],
  ['start', 'end'],
  ['from', 'to'],
  ['BeginOffsetMillis', 'EndOffsetMillis'],
  ['startOffset', 'endOffset'],
  ['startMs', 'endMs'],
];

export function swapTimes(root: unknown, path: JsonPath): unknown {
  const copy = structuredClone(root);
  const node = path.length === 0 ? copy : parentOf(copy, [...path, '']);
  if (!isContainer(node) || Array.isArray(node)) return copy;
  for (const [a, b] of TIME_PAIRS) {
    if (a in node && b in node) [node[a], node[b]] = [node[b], node[a]];
  }
  return copy;
}

/** Wrong types, huge and negative numbers, numbers as odd strings, and anything JSON. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    -0.001,
    0.5,
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    '',
    '  ',
    '-1',
    '1e400',
    '12.5',
    'NaN',
    '99999999999999999999',
    '-5.000s',
    '1.5s',
    '2026-13-45T99:99:99Z',
    '2026-11-02T09:00:00Z',
    [],
    {},
    [[]],
    { seconds: -1 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 20 }),
  fc.double({ noNaN: true }),
  fc.integer(),
);

/** A copy of `root` with one random change: a value replaced, a key dropped, or times swapped. */
export function mutated(root: unknown): fc.Arbitrary<unknown> {
  const paths = allPaths(root);
  const objectPaths: JsonPath[] = [[], ...paths];
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.tuple(fc.constantFrom(...paths), oddValue).map(([p, v]) => setAt(root, p, v)),
    },
    { weight: 2, arbitrary: fc.constantFrom(...paths).map((p) => deleteAt(root, p)) },
    { weight: 2, arbitrary: fc.constantFrom(...objectPaths).map((p) => swapTimes(root, p)) },
  );
}
