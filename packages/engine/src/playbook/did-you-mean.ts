/** Edit distance (insert, delete, substitute, transpose adjacent) between two short names. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest valid name to a misspelt one, if any is close enough to be a
 * plausible typo (at most a third of the word wrong, minimum one edit).
 */
export function closestName(wrong: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(wrong.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wrong.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && preferOnTie(wrong, candidate, best))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Between equally close names, a dropped letter is the likelier typo; then alphabetical order keeps it stable. */
function preferOnTie(wrong: string, candidate: string, current: string): boolean {
  const a = isSubsequence(wrong, candidate);
  const b = isSubsequence(wrong, current);
  if (a !== b) return a;
  return candidate < current;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** `did you mean 'when'?` or undefined when nothing is close. */
export function didYouMean(wrong: string, candidates: Iterable<string>): string | undefined {
  const match = closestName(wrong, candidates);
  return match === undefined ? undefined : `did you mean '${match}'?`;
}
