/** A failure while evaluating a template (bad types, a filter refusing its input). */
export class TemplateRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRuntimeError';
  }
}

/** Python's TypeError (bad operand types); Ansible words these differently. */
export class TemplateTypeError extends TemplateRuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}
