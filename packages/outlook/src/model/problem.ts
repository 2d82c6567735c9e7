import { ApiError } from '../api/types';
import { OfficeCallError } from '../office/types';

/** Every failure the pane shows, in the server's error vocabulary. */
export interface Problem {
  code: string;
  message: string;
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof OfficeCallError)
    return { code: `outlook-${error.officeErrorName}`, message: error.message };
  if (error instanceof Error) return { code: 'unexpected', message: error.message };
  return { code: 'unexpected', message: String(error) };
}
