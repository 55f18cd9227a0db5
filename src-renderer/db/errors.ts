/** An operation refused its input. `message` is Vietnamese and can be shown as is. */
export class OperationError extends Error {
  /** The input field the message belongs beside, when there is one. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'OperationError';
    this.field = field;
  }
}
