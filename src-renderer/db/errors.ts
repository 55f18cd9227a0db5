/** An operation refused its input. `message` is Vietnamese and can be shown as is. */
export class OperationError extends Error {
  /** The input field the message belongs beside, when there is one. */
  readonly field: string | undefined;
  /** What refused it, for code that reacts to the reason rather than to its wording (e.g. an import blocker's code). */
  readonly code: string | undefined;

  constructor(message: string, field?: string, code?: string) {
    super(message);
    this.name = 'OperationError';
    this.field = field;
    this.code = code;
  }
}
