// Territory balancing (DESIGN §5.1) on the demo company: the MIP per metric across sibling
// territories, and the hardest shape — every account territory in one group — which for the medium
// demo is ~20,000 accounts over its leaf territories. Each run writes into a new scenario.
import { balanceTerritories } from '@attain/store/territory/balance-territories.ts';
import type { BenchContext } from './run.ts';

export async function run(context: BenchContext): Promise<void> {
  const runs = [
    { metric: 'potential', scope: 'siblings' },
    { metric: 'accounts', scope: 'type' },
    { metric: 'potential', scope: 'type' },
    { metric: 'bookings', scope: 'type' },
  ] as const;
  for (const { metric, scope } of runs) {
    const started = performance.now();
    const { result } = await balanceTerritories(context.store.db, {
      metric,
      scope,
      tolerance: 0.1,
      keepNamed: true,
      timeLimitSeconds: 45,
      asOf: context.today,
      actor: 'bench',
    });
    context.record(
      `territory balance: ${metric}, ${scope}`,
      performance.now() - started,
      `${result.solver}, ${result.moves.length} moves, maxDeviation ${result.before.maxDeviation} → ${result.after.maxDeviation}`,
    );
  }
}
