import { ExitCode, TsibleError } from '../errors/tsible-error.js';

/**
 * A recipe's comment header: the `#` lines at the top of a playbook (a leading
 * `---` may come first). Recognised keys, one per line:
 *
 *   # description: one line saying what the recipe does
 *   # input: name - meaning (required)
 *   # input: name - meaning (default: value)
 *   # example: tsible playbook playbooks/x.yml -e name=value --limit web
 *
 * Any other comment line is free text, shown by `tsible recipes show`.
 */
export interface RecipeInput {
  name: string;
  meaning: string;
  required: boolean;
}

export interface RecipeHeader {
  description: string | undefined;
  inputs: RecipeInput[];
  examples: string[];
  /** The header's lines without their `# ` marker, as written. */
  lines: string[];
}

const KEY_LINE = /^(description|input|example):\s*(.*)$/;
const INPUT = /^([A-Za-z_][A-Za-z0-9_]*)\s+-\s+(.*)$/;

/** The leading comment block of a playbook's text, each line without its `#` and one space. */
function headerLines(text: string): { text: string; line: number }[] {
  const lines = text.split(/\r?\n/);
  const found: { text: string; line: number }[] = [];
  let index = 0;
  if (lines[0]?.trim() === '---') index = 1;
  for (; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (!raw.startsWith('#')) break;
    found.push({ text: raw.replace(/^#\s?/, ''), line: index + 1 });
  }
  return found;
}

function parseInput(value: string, file: string, line: number): RecipeInput {
  const match = INPUT.exec(value);
  if (!match) {
    throw new TsibleError(`recipe input must read "name - meaning (required)", got "${value}"`, {
      code: 'TSIBLE_RECIPE_HEADER',
      location: { file, line, column: 3 },
      exitCode: ExitCode.parserError,
    });
  }
  const meaning = (match[2] ?? '').trim();
  return { name: match[1] ?? '', meaning, required: /\(required\)\s*$/.test(meaning) };
}

/** Reads the header of a playbook's text; `file` is only used to place errors. */
export function parseRecipeHeader(text: string, file: string): RecipeHeader {
  const header: RecipeHeader = { description: undefined, inputs: [], examples: [], lines: [] };
  for (const { text: line, line: number } of headerLines(text)) {
    header.lines.push(line);
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const value = (match[2] ?? '').trim();
    if (match[1] === 'description') header.description ??= value;
    else if (match[1] === 'input') header.inputs.push(parseInput(value, file, number));
    else header.examples.push(value);
  }
  return header;
}
