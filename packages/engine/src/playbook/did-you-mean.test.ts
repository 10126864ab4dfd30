import { closestName, didYouMean, editDistance } from './did-you-mean.js';

describe('did you mean', () => {
  it('measures edits including swapped letters', () => {
    expect(editDistance('when', 'when')).toBe(0);
    expect(editDistance('wehn', 'when')).toBe(1);
    expect(editDistance('copyy', 'copy')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('suggests a close name, preferring the one the typo dropped a letter from', () => {
    expect(closestName('taks', ['tags', 'tasks', 'hosts'])).toBe('tasks');
    expect(didYouMean('becom', ['become', 'become_user'])).toBe("did you mean 'become'?");
  });

  it('suggests nothing for names that are not near any candidate', () => {
    expect(closestName('frobnicate', ['when', 'tags'])).toBeUndefined();
    expect(closestName('ab', ['xy'])).toBeUndefined();
  });
});
