import { batchSize, orderHosts, playBatches } from './batches.js';

const hosts = (n: number): string[] => Array.from({ length: n }, (_, i) => `h${i + 1}`);

describe('playBatches', () => {
  it('is one batch without serial, none without hosts', () => {
    expect(playBatches(hosts(3), undefined)).toEqual([['h1', 'h2', 'h3']]);
    expect(playBatches([], 2)).toEqual([]);
  });

  it('splits by an int, the last batch taking what is left', () => {
    expect(playBatches(hosts(7), 3)).toEqual([['h1', 'h2', 'h3'], ['h4', 'h5', 'h6'], ['h7']]);
    expect(playBatches(hosts(2), '0')).toEqual([['h1', 'h2']]);
  });

  it('truncates percentages of all hosts, never below one', () => {
    expect(batchSize('30%', 7)).toBe(2);
    expect(batchSize('10%', 7)).toBe(1);
    expect(batchSize('100%', 7)).toBe(7);
    expect(playBatches(hosts(7), '30%').map((b) => b.length)).toEqual([2, 2, 2, 1]);
  });

  it('repeats the last entry of a list', () => {
    expect(playBatches(hosts(8), [1, '50%', 2]).map((b) => b.length)).toEqual([1, 4, 2, 1]);
  });

  it('rejects an entry that is not a number', () => {
    expect(() => playBatches(hosts(2), 'two')).toThrow(/serial entry 'two'/);
  });
});

describe('orderHosts', () => {
  const list = ['b', 'c', 'a'];
  it('follows the play order keyword', () => {
    expect(orderHosts(list, undefined)).toEqual(['b', 'c', 'a']);
    expect(orderHosts(list, 'sorted')).toEqual(['a', 'b', 'c']);
    expect(orderHosts(list, 'reverse_sorted')).toEqual(['c', 'b', 'a']);
    expect(orderHosts(list, 'reverse_inventory')).toEqual(['a', 'c', 'b']);
    expect(orderHosts(list, 'shuffle').sort()).toEqual(['a', 'b', 'c']);
    expect(() => orderHosts(list, 'random')).toThrow(/Invalid play host order/);
  });
});
