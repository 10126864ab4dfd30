import fc from 'fast-check';
import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';
import { Templar } from './templar.js';
import { literalEval } from './python/literal-eval.js';
import { pythonRepr } from './python/repr.js';

const templar = new Templar({ vars: { a: 1, s: 'x', l: [1, 2], d: { k: 'v' }, n: null }, sink: new RecordingSink() });

// Fragments that make up plausible (and implausible) templates.
const piece = fc.constantFrom(
  '{{', '}}', '{%', '%}', '{#', '#}', ' ', 'a', 's', 'l', 'd', 'n', 'nope', '.', '[', ']', '(', ')', '|', ',', ':', "'", '"', '1', '2.5', '+', '-', '*', '/', '//', '%',
  '~', '==', '<', 'not', 'and', 'or', 'in', 'is', 'defined', 'if', 'else', 'for', 'endfor', 'endif', 'set', '=', 'x', 'upper', 'default', 'length', 'join',
  'map', 'list', 'items()', 'raw', 'endraw', '-', '\n', '\\',
);

describe('templating never crashes on arbitrary input', () => {
  it('either renders or raises a TsibleError', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.constantFrom('', '{{ ', '{% if '), (parts, wrap) => {
        const inner = parts.join('');
        const text = wrap === '' ? inner : wrap === '{{ ' ? `{{ ${inner} }}` : `{% if ${inner} %}y{% endif %}`;
        try {
          templar.renderString(text);
          templar.evaluateConditional(text.replace(/[{}%#]/g, ''));
        } catch (err) {
          if (!(err instanceof TsibleError)) throw err;
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('repr() output of literal data reads back with literal_eval', () => {
    const literal = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(literal, (value) => {
        const back = literalEval(pythonRepr(value));
        expect(back).toEqual({ ok: true, value });
      }),
      { numRuns: 2000 },
    );
  });
});
