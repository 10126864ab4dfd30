// Module hooks that let `node --import ./bench/register-ts.mjs bench/x.ts` run
// TypeScript directly (Node 20 cannot strip types): .ts files are compiled with
// @swc/core on load, and `./foo.js` imports fall back to `./foo.ts`.
import { readFile } from 'node:fs/promises';
import swc from '@swc/core';

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && specifier.endsWith('.js')) {
      return next(specifier.slice(0, -3) + '.ts', context);
    }
    throw err;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = await swc.transform(source, {
    filename: url,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
