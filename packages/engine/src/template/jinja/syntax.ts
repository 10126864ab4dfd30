/** Delimiters and whitespace options of one Jinja environment. */
export interface JinjaSyntax {
  blockStart: string;
  blockEnd: string;
  variableStart: string;
  variableEnd: string;
  commentStart: string;
  commentEnd: string;
  trimBlocks: boolean;
  lstripBlocks: boolean;
  /** Jinja drops one trailing newline unless this is set. */
  keepTrailingNewline: boolean;
  /**
   * Ansible doubles backslashes inside `{{ }}` of task strings so users write
   * `'\1'` rather than `'\\1'`: string literals in variable tags keep their
   * backslashes as written.
   */
  literalBackslashesInVariables: boolean;
}

export const DEFAULT_SYNTAX: JinjaSyntax = {
  blockStart: '{%',
  blockEnd: '%}',
  variableStart: '{{',
  variableEnd: '}}',
  commentStart: '{#',
  commentEnd: '#}',
  trimBlocks: true,
  lstripBlocks: false,
  keepTrailingNewline: false,
  literalBackslashesInVariables: true,
};
