// One error class with a stable string code (DESIGN §3). The CLI prints message and code and exits 1;
// the API answers { error: { code, message, details } } with a 4xx status.
export type ErrorDetails = Record<string, unknown>;

export class AttainError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AttainError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: string; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isAttainError(error: unknown): error is AttainError {
  return error instanceof AttainError;
}
