import { useEffect, useState } from 'react';
import { ApiError, api } from './client.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; value: T; refreshing: boolean };

/**
 * GETs `path` and re-fetches when it changes or on `reload()`; an answer to an older request
 * never overwrites a newer one (the older request is aborted).
 */
export function useApi<T>(path: string): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `attempt` is how reload() asks again.
  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => (previous.state === 'ready' ? { ...previous, refreshing: true } : { state: 'loading' }));
    api<T>(path, { signal: controller.signal }).then(
      (value) => setResult({ state: 'ready', value, refreshing: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', 'Something went wrong loading this page.');
        setResult({ state: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  return [result, () => setAttempt((count) => count + 1)];
}
