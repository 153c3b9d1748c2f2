import { expect, test } from 'vitest';
import { createRandom, hashUnit } from './random.ts';

test('a seeded stream repeats exactly and differs by seed and by stream name', () => {
  const draw = (seed: number, stream: string) => {
    const r = createRandom(seed, stream);
    return Array.from({ length: 5 }, () => r.next());
  };
  expect(draw(42, 'deals')).toEqual(draw(42, 'deals'));
  expect(draw(42, 'deals')).not.toEqual(draw(43, 'deals'));
  expect(draw(42, 'deals')).not.toEqual(draw(42, 'people'));
  expect(hashUnit(42, 'skill:7')).toBe(hashUnit(42, 'skill:7'));
});

test('draws stay in their ranges and average out', () => {
  const r = createRandom(1, 'ranges');
  let sum = 0;
  for (let i = 0; i < 20_000; i++) {
    const x = r.next();
    expect(x >= 0 && x < 1).toBe(true);
    const n = r.int(3, 5);
    expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    sum += r.poisson(3);
  }
  expect(sum / 20_000).toBeCloseTo(3, 1);
});
