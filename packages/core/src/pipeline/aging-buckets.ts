// Age buckets of open deals (created → as-of, in days), for the aging report.
export const AGE_BUCKETS = [
  { bucket: '0-30', min: 0, max: 30 },
  { bucket: '31-60', min: 31, max: 60 },
  { bucket: '61-90', min: 61, max: 90 },
  { bucket: '91-180', min: 91, max: 180 },
  { bucket: '>180', min: 181, max: null },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['bucket'];

/** A deal created after the as-of date (a back-dated import) counts as 0 days old. */
export function ageBucket(ageDays: number): AgeBucket {
  const found = AGE_BUCKETS.find((b) => ageDays <= (b.max ?? Number.POSITIVE_INFINITY));
  return found!.bucket;
}
