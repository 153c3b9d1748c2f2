// Login rate limit (DESIGN §9): after `maxFailures` failed logins for one email within `windowMs`,
// further attempts are refused with 429 until the window moves on. One address gets ten times as
// many, so a whole office behind one NAT is not locked out by one person's typos.
export interface LoginRateLimit {
  check(keys: string[], now: number): { limited: boolean; retryAfterSeconds: number };
  fail(keys: string[], now: number): void;
  succeed(keys: string[]): void;
}

export function loginRateLimit(options: { maxFailures: number; windowMs: number }): LoginRateLimit {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    check(keys, now) {
      let retryAfter = 0;
      for (const key of keys) {
        const times = recent(key, now);
        const max = key.startsWith('ip:') ? options.maxFailures * 10 : options.maxFailures;
        if (times.length >= max) {
          retryAfter = Math.max(retryAfter, Math.ceil((times[0]! + options.windowMs - now) / 1000));
        }
      }
      return { limited: retryAfter > 0, retryAfterSeconds: retryAfter };
    },
    fail(keys, now) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    succeed(keys) {
      for (const key of keys) if (key.startsWith('email:')) failures.delete(key);
    },
  };
}
