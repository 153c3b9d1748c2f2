import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';

export interface SessionViewer {
  userId: string;
  email: string;
  role: Role;
  personId: string | null;
  personExternalId: string | null;
  personName: string | null;
  csrfToken: string;
  tokenHash: string;
}

export interface AppEnv {
  Variables: {
    store: Store;
    viewer: SessionViewer | undefined;
    /** Today's date for "as of today" questions; the clock is read once per request, here. */
    today: string;
  };
}
