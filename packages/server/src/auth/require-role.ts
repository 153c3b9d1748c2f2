import { AttainError } from '@attain/core/errors.ts';
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { SessionViewer } from '../app-env.ts';

/** Loading data and reading data-quality findings is operations' work (DESIGN §1, §9). */
export function requireRole(viewer: SessionViewer, roles: readonly Role[], what: string): void {
  if (!roles.includes(viewer.role)) {
    throw new AttainError('FORBIDDEN', `Only ${roles.join(' and ')} can ${what}`, { role: viewer.role });
  }
}

export const OPERATIONS: readonly Role[] = ['admin', 'ops'];
