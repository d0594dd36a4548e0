/** The few error classes: each has an HTTP status and a stable code; one handler renders them. */
export type FieldErrors = Record<string, string>; // field → catalogue key

export class AppError extends Error {
  status: number;
  code: string;
  constructor(status: number, code: string, message?: string) {
    super(message ?? code);
    this.status = status;
    this.code = code;
  }
}
/** Missing, or not yours to see: the same answer. */
export class NotFoundError extends AppError {
  constructor() {
    super(404, 'not_found');
  }
}
export class ForbiddenError extends AppError {
  constructor(code = 'forbidden') {
    super(403, code);
  }
}
export class UnauthorizedError extends AppError {
  constructor() {
    super(401, 'unauthorized');
  }
}
/** A members' page or form reached by a visitor: the sign-in page (and back) on pages, 401 on the API. */
export class SignInRequired extends UnauthorizedError {}
/** Invalid input: a catalogue key per field. */
export class ValidationError extends AppError {
  fields: FieldErrors;
  constructor(fields: FieldErrors, code = 'invalid_input') {
    super(400, code);
    this.fields = fields;
  }
}
export class RateLimitError extends AppError {
  retryAfter: number;
  constructor(retryAfter: number) {
    super(429, 'rate_limited');
    this.retryAfter = retryAfter;
  }
}
