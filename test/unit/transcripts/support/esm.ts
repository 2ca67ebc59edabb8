import { readFileSync } from 'fs';
import { runInThisContext } from 'vm';
import * as ts from 'typescript';

type ModuleFunction = (
  module: { exports: unknown },
  exports: unknown,
  require: NodeRequire,
) => void;

/**
 * Loads an ES-module-only package (srt-parser-2) as CommonJS. Node ≥ 20.19 require()s such
 * packages natively, which is what the app does at run time; Jest's module system only learns
 * that on Node ≥ 24.9, and transforming node_modules would need a Jest config change. Use as
 * `jest.mock('srt-parser-2', () => loadEsmAsCommonJs('srt-parser-2'))` (via requireActual).
 */
export function loadEsmAsCommonJs(specifier: string): unknown {
  const file = require.resolve(specifier);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const run = runInThisContext(`(function (module, exports, require) {\n${outputText}\n})`, {
    filename: file,
  }) as ModuleFunction;
  const module = { exports: {} as unknown };
  run(module, module.exports, require);
  return module.exports;
}
