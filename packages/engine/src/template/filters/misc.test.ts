import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';
import { humanReadable, humanToBytes } from './numbers.js';
import { splitext } from './paths.js';
import { urlsplit } from './url.js';

const t = new Templar({ vars: {}, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('path filters', () => {
  it('basename, dirname, splitext as os.path', () => {
    expect(r("{{ '/a/b/' | basename }}|{{ '/a/b/c' | dirname }}|{{ '/' | dirname }}|{{ 'c' | dirname }}")).toBe('|/a/b|/|');
    expect(splitext('/x/.bashrc')).toEqual(['/x/.bashrc', '']);
    expect(splitext('a.tar.gz')).toEqual(['a.tar', '.gz']);
    expect(splitext('/a.b/c')).toEqual(['/a.b/c', '']);
  });
});

describe('number filters', () => {
  it('round and abs', () => {
    expect(r("{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.675 | round(1) }} {{ 1.01 | round(0, 'ceil') }} {{ -2.5 | abs }}")).toBe('2.0 4.0 2.7 2.0 2.5');
  });

  it('human_readable and human_to_bytes', () => {
    expect(humanReadable(1536, false, null)).toBe('1.50 KB');
    expect(humanReadable(10, false, null)).toBe('10.00 Bytes');
    expect(humanReadable(2048, true, null)).toBe('2.00 Kb');
    expect(humanToBytes('1.5K', null, false)).toBe(1536);
    expect(humanToBytes('10', 'M', false)).toBe(10485760);
    expect(() => humanToBytes('ten', null, false)).toThrow("human_to_bytes() can't interpret following string: ten");
  });
});

describe('urlsplit', () => {
  it('splits as urllib.parse.urlsplit', () => {
    expect(urlsplit('https://User:pw@Example.com:8443/p/a?q=1#frag')).toEqual({
      fragment: 'frag', hostname: 'example.com', netloc: 'User:pw@Example.com:8443', password: 'pw', path: '/p/a', port: 8443, query: 'q=1', scheme: 'https', username: 'User',
    });
    expect(r("{{ 'http://h/x' | urlsplit('hostname') }}")).toBe('h');
    expect(() => r("{{ 'http://h/x' | urlsplit('nope') }}")).toThrow('unknown URL component: nope');
  });
});

describe('random and shuffle', () => {
  it('are reproducible with a seed and stay in range without one', () => {
    expect(r("{{ 100 | random(seed='abc') }}")).toBe('98');
    expect(r("{{ [1, 2, 3, 4, 5] | shuffle(seed='x') }}")).toEqual([5, 2, 1, 4, 3]);
    const n = Number(r('{{ 10 | random(start=5) }}'));
    expect(n >= 5 && n < 10).toBe(true);
    expect(r("{{ ['only'] | random }}")).toBe('only');
  });
});
