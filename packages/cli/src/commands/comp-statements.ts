// attain comp statements --period P --out DIR [--person ID] [--format pdf|html]
// One statement file per payee of the period's current run (docs/comp-close-outputs.md), named
// <externalId>-<period>.pdf: HTML from core/comp/render-statement-html.ts printed by chromium. A
// draft run's statements say DRAFT on top. Statements are for payees, so the CLI (ops) prints all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderStatementHtml } from '@attain/core/comp/render-statement-html.ts';
import { AttainError } from '@attain/core/errors.ts';
import { printPdfs } from '@attain/io/pdf/print-pdf.ts';
import { currentRun } from '@attain/store/comp/current-run.ts';
import { getStatement, statementPayees } from '@attain/store/comp/statement.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface StatementsOptions {
  period: string;
  out: string;
  person?: string;
  format: 'pdf' | 'html';
}

export function registerCompStatements(comp: Command): void {
  comp
    .command('statements')
    .description("write one statement per payee of a period's current run (PDF, or HTML)")
    .requiredOption('--period <period>', 'pay period label, e.g. 2026-03')
    .requiredOption('--out <dir>', 'folder to write the statements into (created when missing)')
    .option('--person <externalId>', 'only this payee')
    .addOption(new Option('--format <format>', 'file format').choices(['pdf', 'html']).default('pdf'))
    .action(async (options: StatementsOptions, command: Command) => {
      const { status, statements } = await withStore(command, 'attain comp statements', async (store) => {
        const run = await currentRun(store.db, options.period);
        if (!run) {
          throw new AttainError('PERIOD_NOT_RUN', `Period ${options.period} has no compensation run`, {
            period: options.period,
          });
        }
        const payees = (await statementPayees(store.db, run.id)).filter(
          (p) => options.person === undefined || p.externalId === options.person,
        );
        if (options.person !== undefined && payees.length === 0) {
          throw new AttainError('NOT_FOUND', `${options.person} has no statement in ${options.period}`, {
            person: options.person,
            period: options.period,
          });
        }
        const found = [];
        for (const payee of payees) found.push((await getStatement(store.db, payee.id, options.period))!);
        return { status: run.status, statements: found };
      });
      mkdirSync(options.out, { recursive: true });
      const documents = statements.map((statement) => ({
        html: renderStatementHtml(statement),
        path: join(
          options.out,
          `${safeName(statement.payee.externalId)}-${safeName(statement.period)}.${options.format}`,
        ),
      }));
      if (options.format === 'html') for (const d of documents) writeFileSync(d.path, d.html);
      else await printPdfs(documents);
      process.stderr.write(`Wrote ${documents.length} ${status} statements of ${options.period} to ${options.out}\n`);
    });
}

/** A file name part from an external id: anything but letters, digits, '.', '_' and '-' becomes '_'. */
function safeName(text: string): string {
  return text.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_');
}
