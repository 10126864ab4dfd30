import { randomInt } from 'node:crypto';
import type { FilterDef } from '../jinja/environment.js';
import { iterate } from '../jinja/renderer.js';
import { TemplateRuntimeError } from '../jinja/runtime-error.js';
import { plain } from '../python/compare.js';
import { PythonRandom } from '../python/mersenne-twister.js';
import { pythonStr } from '../python/repr.js';
import { arg } from '../call-args.js';

function generator(seed: unknown): { below(n: number): number; shuffle<T>(items: T[]): T[] } {
  if (seed === null || seed === undefined) {
    return {
      below: (n) => randomInt(n),
      shuffle: (items) => {
        const out = [...items];
        for (let i = out.length - 1; i > 0; i--) {
          const j = randomInt(i + 1);
          [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
        }
        return out;
      },
    };
  }
  const rng = new PythonRandom(typeof seed === 'number' ? seed : pythonStr(seed));
  return { below: (n) => rng.randbelow(n), shuffle: (items) => rng.shuffle(items) };
}

/** random: an int below `end` (start/step as randrange) or an item of a list; seed= repeats Python's choice. */
export const randomFilters: Record<string, FilterDef> = {
  random: {
    fn: (v, args, kw) => {
      const seed = arg(args, kw, 2, 'seed', null);
      const rng = generator(seed);
      const end = plain(v);
      if (typeof end === 'number') {
        const start = Number(arg(args, kw, 0, 'start', 0) ?? 0);
        const step = Number(arg(args, kw, 1, 'step', 1) ?? 1);
        const count = Math.ceil((end - start) / step);
        if (count <= 0) throw new TemplateRuntimeError(`empty range for randrange() (${start}, ${end})`);
        return start + step * rng.below(count);
      }
      const items = iterate(v);
      if (items.length === 0) throw new TemplateRuntimeError('Cannot choose from an empty sequence');
      return items[rng.below(items.length)];
    },
  },
  shuffle: { fn: (v, args, kw) => generator(arg(args, kw, 0, 'seed', null)).shuffle(iterate(v)) },
};
