import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { JiraImportResult } from '@sextant/core';
import { CliError } from '../cli-error.js';
import { failureOf, resolveTarget, send } from '../http.js';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Streams the file up while a progress line counts the bytes sent. */
function uploadStream(file: string, progress: (sent: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  const stream = createReadStream(file);
  stream.on('data', (chunk) => {
    sent += chunk.length;
    progress(sent);
  });
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

export function registerImport(program: Command): void {
  const importCommand = program.command('import').description('Bring data in from other tools');

  importCommand
    .command('jira')
    .description(
      'Import a Jira CSV export (Sprint columns → sprints, issues → stories) into a project; re-importing the same file changes nothing. Needs SEXTANT_URL and SEXTANT_TOKEN (a personal token of a team member)',
    )
    .argument('<file>', "Jira's CSV export (Issues → Export → CSV)")
    .requiredOption('--project <id>', 'the project to import into')
    .option('--sprint-length <duration>', 'length of each imported sprint, e.g. 2w or 14d', '2w')
    .option(
      '--first-sprint-start <date>',
      'YYYY-MM-DD start of the first sprint (default: Monday before the earliest issue)',
    )
    .option('--strict', 'exit 1 when any row could not be imported')
    .option('--url <url>', 'server URL (default $SEXTANT_URL)')
    .option('--token <token>', 'API token (default $SEXTANT_TOKEN)')
    .action(
      async (
        file: string,
        opts: {
          project: string;
          sprintLength: string;
          firstSprintStart?: string;
          strict?: boolean;
          url?: string;
          token?: string;
        },
      ) => {
        const target = resolveTarget(opts);
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          throw new CliError(`cannot read ${file}`);
        }
        const query = new URLSearchParams({ sprintLength: opts.sprintLength });
        if (opts.firstSprintStart) query.set('firstSprintStart', opts.firstSprintStart);
        const tty = process.stderr.isTTY;
        let lastShown = -1;
        const progress = (sent: number) => {
          const pct = size > 0 ? Math.floor((sent / size) * 100) : 100;
          if (pct === lastShown || (!tty && pct % 25 !== 0)) return;
          lastShown = pct;
          process.stderr.write(
            `${tty ? '\r' : ''}uploading ${pct} % (${megabytes(sent)} of ${megabytes(size)})${tty ? '' : '\n'}`,
          );
        };
        const response = await send(
          target,
          `/projects/${encodeURIComponent(opts.project)}/imports/jira?${query}`,
          {
            method: 'POST',
            headers: { 'content-type': 'text/csv', 'content-length': String(size) },
            body: uploadStream(file, progress),
            // Node's fetch streams a body only in half-duplex mode.
            duplex: 'half',
          } as RequestInit,
        );
        if (tty) process.stderr.write('\n');
        if (!response.ok) throw await failureOf(response);
        const result = (await response.json()) as JiraImportResult;
        const created = result.sprints.filter((s) => s.result === 'created').length;
        const existing = result.sprints.filter((s) => s.result === 'existing').length;
        process.stdout.write(
          `${result.rows} ${result.rows === 1 ? 'row' : 'rows'}: ${created} sprints created, ${existing} already there; ` +
            `${result.stories.created} stories created, ${result.stories.existing} already there` +
            (result.stories.updated > 0 ? ` (${result.stories.updated} updated)` : '') +
            `; ${result.problems.length} ${result.problems.length === 1 ? 'row' : 'rows'} not imported\n`,
        );
        for (const sprint of result.sprints) {
          process.stdout.write(
            `  ${sprint.name}: ${sprint.result}${sprint.startDate ? ` ${sprint.startDate} → ${sprint.endDate} (${sprint.state})` : ''}, ${sprint.stories} stories\n`,
          );
        }
        for (const problem of result.problems)
          process.stdout.write(`  line ${problem.line}: ${problem.message}\n`);
        for (const warning of result.warnings)
          process.stdout.write(`  line ${warning.line}: ${warning.message}\n`);
        if (opts.strict && result.problems.length > 0) {
          throw new CliError(
            `${result.problems.length} ${result.problems.length === 1 ? 'row' : 'rows'} could not be imported (see above)`,
          );
        }
      },
    );
}
