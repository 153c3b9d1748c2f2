// attain territory move <account> <territory> --effective DATE [--reason TEXT] [--quota none|prorata|full]
// attain territory move --file moves.csv        (columns account, territory, effective, reason, quota)
// attain territory moves list [--status S] | approve|reject <id> [--note TEXT] | apply [--as-of DATE]
// The CLI acts as ops (docs/territories.md).
import { basename } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { readTable } from '@attain/io/import/read-table.ts';
import { applyDueMoves } from '@attain/store/territory/apply-due-moves.ts';
import { decideMove } from '@attain/store/territory/decide-move.ts';
import {
  createMoveRequest,
  createMoveRequests,
  listMoveRequests,
  type MoveInput,
  type MoveRequest,
} from '@attain/store/territory/move-requests.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor, today } from './territory-context.ts';

const COLUMNS = ['account', 'territory', 'effective', 'reason', 'quota'] as const;

export function registerMove(territory: Command): void {
  territory
    .command('move')
    .description('request an account move (with an impact preview), or many from a CSV file')
    .argument('[account]', 'account externalId or exact name')
    .argument('[territory]', 'territory externalId or exact name')
    .option('--effective <date>', 'the date the account changes territory')
    .option('--reason <text>', 'why')
    .addOption(
      new Option('--quota <treatment>', 'quota that moves with it')
        .choices(['none', 'prorata', 'full'])
        .default('none'),
    )
    .option('--file <csv>', 'request many moves at once: all or nothing')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (account: string | undefined, to: string | undefined, options: MoveOptions, command: Command) => {
      if (options.file === undefined && (!account || !to || !options.effective)) {
        command.error('error: give <account> <territory> --effective DATE, or --file moves.csv', { exitCode: 2 });
      }
      const context = { actor: cliActor(), today: today() };
      const requests = await withStore(command, 'attain territory move', async (store) => {
        if (options.file !== undefined) {
          const rows = await readMoveFile(options.file);
          return createMoveRequests(store.db, rows, { ...context, fileName: basename(options.file) });
        }
        const input = {
          account: account!,
          territory: to!,
          effective: options.effective!,
          reason: options.reason,
          quota: options.quota,
        };
        return [await store.db.transaction().execute((trx) => createMoveRequest(trx, input, context))];
      });
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify({ requests }, null, 2)}\n`
          : requests.map(describeRequest).join('\n'),
      );
    });

  const moves = territory.command('moves').description('account move requests: list, approve, reject, apply');
  moves
    .command('list')
    .option('--status <status>', 'proposed, approved, rejected or applied')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: { status?: string; format: string }, command: Command) => {
      const list = await withStore(command, 'attain territory moves list', (store) =>
        listMoveRequests(store.db, { status: options.status }),
      );
      if (options.format === 'json') process.stdout.write(`${JSON.stringify({ requests: list }, null, 2)}\n`);
      else {
        for (const r of list) {
          process.stdout.write(
            `#${r.id}  ${r.status.padEnd(8)}  ${r.account} ${r.from ?? '(none)'} → ${r.to} on ${r.effective}  by ${r.requestedBy}\n`,
          );
        }
      }
    });
  for (const decision of ['approve', 'reject'] as const) {
    moves
      .command(decision)
      .argument('<id>', 'request id')
      .option('--note <text>', 'why')
      .action(async (id: string, options: { note?: string }, command: Command) => {
        if (!/^\d+$/.test(id)) throw new AttainError('NOT_FOUND', `No move request ${id}`, { id });
        const decided = await withStore(command, `attain territory moves ${decision}`, (store) =>
          decideMove(store.db, id, decision, {
            decider: { actor: cliActor(), role: 'ops', personId: null },
            today: today(),
            note: options.note,
          }),
        );
        process.stdout.write(describeRequest(decided));
      });
  }
  moves
    .command('apply')
    .description('apply approved moves whose effective date has come')
    .option('--as-of <date>', 'apply moves effective on or before this date (default today)')
    .action(async (options: { asOf?: string }, command: Command) => {
      const result = await withStore(command, 'attain territory moves apply', (store) =>
        store.db
          .transaction()
          .execute((trx) => applyDueMoves(trx, { today: options.asOf ?? today(), actor: cliActor() })),
      );
      for (const m of result.applied)
        process.stdout.write(`applied #${m.id}: ${m.account} → ${m.to} from ${m.effective}\n`);
      for (const m of result.blocked) {
        process.stdout.write(`blocked #${m.id}: ${m.account} on ${m.effective} falls in closed period ${m.period}\n`);
      }
      process.stdout.write(`${result.applied.length} applied, ${result.blocked.length} blocked\n`);
    });
}

interface MoveOptions {
  effective?: string;
  reason?: string;
  quota: string;
  file?: string;
  format: string;
}

async function readMoveFile(path: string): Promise<{ row: number; values: MoveInput }[]> {
  const table = await readTable(path);
  const header = new Map(table.headers.map((h) => [h.trim().toLowerCase(), h]));
  const missing = COLUMNS.slice(0, 3).filter((c) => !header.has(c));
  if (missing.length > 0) {
    await table.close();
    throw new AttainError(
      'MOVE_FILE_INVALID',
      `${basename(path)} has no column ${missing.join(', ')} (columns: ${COLUMNS.join(', ')})`,
      {
        missing,
      },
    );
  }
  const rows: { row: number; values: MoveInput }[] = [];
  for await (const { row, record } of table.records) {
    const cell = (c: (typeof COLUMNS)[number]) => (header.has(c) ? record[header.get(c)!]?.trim() : undefined);
    rows.push({
      row,
      values: {
        account: cell('account') ?? '',
        territory: cell('territory') ?? '',
        effective: cell('effective') ?? '',
        reason: cell('reason'),
        quota: cell('quota'),
      },
    });
  }
  return rows;
}

function describeRequest(r: MoveRequest): string {
  const lines = [
    `Move request #${r.id} (${r.status}): ${r.account} ${r.accountName}, ${r.from ?? '(none)'} → ${r.to} from ${r.effective}`,
  ];
  const i = r.impact;
  if (i) {
    lines.push(`  open pipeline      ${i.openPipeline} ${i.currency} (${i.openOpportunities} opportunities)`);
    lines.push(`  trailing bookings  ${i.trailingBookings} ${i.currency} (${i.trailingFrom} to ${i.trailingTo})`);
    const q = i.quota;
    const basis =
      q.ownerQuota === null
        ? 'no quota for the period'
        : `share ${q.share} of ${q.ownerQuota} (${q.period}), ${q.remainingDays}/${q.periodDays} days left`;
    lines.push(`  quota moved        ${q.moved} ${i.currency} (${q.treatment}; ${basis})`);
  }
  return `${lines.join('\n')}\n`;
}
