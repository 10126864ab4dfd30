import { isSelected, tagSelection } from './tag-selection.js';

const select = (tags: string[], only: string[] = [], skip: string[] = []) => isSelected(tags, tagSelection(only, skip));

describe('tag selection (Ansible semantics)', () => {
  it('runs everything but never-tagged tasks by default', () => {
    expect(select([])).toBe(true);
    expect(select(['x'])).toBe(true);
    expect(select(['never'])).toBe(false);
    expect(select(['never', 'always'])).toBe(true);
  });

  it('selects by tag, always included, never only when asked for by one of its tags', () => {
    expect(select(['a'], ['a'])).toBe(true);
    expect(select(['b'], ['a'])).toBe(false);
    expect(select(['always'], ['a'])).toBe(true);
    expect(select(['never', 'debug'], ['debug'])).toBe(true);
    expect(select(['never', 'debug'], ['all'])).toBe(false);
  });

  it('understands tagged and untagged', () => {
    expect(select([], ['untagged'])).toBe(true);
    expect(select(['a'], ['untagged'])).toBe(false);
    expect(select(['a'], ['tagged'])).toBe(true);
    expect(select([], ['tagged'])).toBe(false);
    expect(select(['a'], [], ['tagged'])).toBe(false);
    expect(select([], [], ['untagged'])).toBe(false);
  });

  it('skips, keeping always unless always itself or everything is skipped', () => {
    expect(select(['a'], [], ['a'])).toBe(false);
    expect(select(['always'], [], ['all'])).toBe(true);
    expect(select(['always'], [], ['always'])).toBe(false);
    expect(select(['x'], [], ['all'])).toBe(false);
  });

  it('accepts comma separated and repeated options', () => {
    const selection = tagSelection(['a,b', ' c '], ['d,,e']);
    expect([...selection.only]).toEqual(['a', 'b', 'c']);
    expect([...selection.skip]).toEqual(['d', 'e']);
  });
});
