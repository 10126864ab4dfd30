import { PythonRandom } from './mersenne-twister.js';

// Expected values from CPython 3: random.Random(seed).randrange / .shuffle.
describe('PythonRandom', () => {
  it('reproduces CPython for string seeds', () => {
    expect(new PythonRandom('abc').randbelow(100)).toBe(98);
    expect(new PythonRandom('x').shuffle([1, 2, 3, 4, 5])).toEqual([5, 2, 1, 4, 3]);
  });

  it('reproduces CPython for integer seeds', () => {
    const rng = new PythonRandom(42);
    expect([rng.randbelow(10), rng.randbelow(10), rng.randbelow(10)]).toEqual([1, 0, 4]);
  });
});
