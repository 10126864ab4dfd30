/** A template that cannot be parsed; line/column are 1-based within the template text. */
export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}
