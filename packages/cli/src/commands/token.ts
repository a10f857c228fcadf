import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { withAdminContext } from '../context.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens');

  token
    .command('create')
    .description(
      'Create a personal token for a user, or a CI token for a project; prints only the token',
    )
    .requiredOption('--user <email>', 'the user who owns the token')
    .requiredOption('--name <name>', 'what the token is for, e.g. "github-actions"')
    .option('--project <id>', 'the project a CI token posts to')
    .option(
      '--ci',
      'create a CI token (needs --project): it may only post runs, deployments, feedback and goal measurements',
    )
    .option('--expires-in <duration>', 'lifetime such as 12h, 30d or 8w (default: no expiry)')
    .action(
      async (opts: {
        user: string;
        name: string;
        project?: string;
        ci?: boolean;
        expiresIn?: string;
      }) => {
        // Loaded here, not at start-up: core's main entry loads every schema (Zod).
        const { durationHours, DURATION_PATTERN, roleAtLeast } = await import('@sextant/core');
        if (opts.ci && !opts.project) throw new CliError('--ci needs --project <id>');
        if (opts.project && !opts.ci) throw new CliError('--project is for CI tokens: add --ci');
        if (opts.expiresIn && !DURATION_PATTERN.test(opts.expiresIn)) {
          throw new CliError(
            `--expires-in: "${opts.expiresIn}" is not a duration such as 12h, 30d or 8w`,
          );
        }
        const created = await withAdminContext(async ({ store, services, clock }) => {
          const user = await store.repos.users.findByEmail(opts.user.trim().toLowerCase());
          if (!user) throw new CliError(`--user: no account with email ${opts.user}`);
          const expiresAt = opts.expiresIn
            ? new Date(
                clock.now().getTime() + durationHours(opts.expiresIn) * 3600 * 1000,
              ).toISOString()
            : null;
          const actor = { userId: user.id, tokenId: null, ip: null };
          if (!opts.project)
            return services.tokens.createPersonal(user, { name: opts.name, expiresAt }, actor);
          const teamId = await store.repos.projects.findTeamId(opts.project);
          const role = teamId ? await store.repos.teams.roleOf(teamId, user.id) : undefined;
          if (!role)
            throw new CliError(`--project: no project ${opts.project} in a team of ${user.email}`);
          if (!roleAtLeast(role, 'member')) {
            throw new CliError(
              `--user: ${user.email} is ${role === 'operator' ? 'an' : 'a'} ${role} of that project's team; CI tokens need member or admin`,
            );
          }
          return services.tokens.createCi(
            opts.project,
            user,
            { name: opts.name, expiresAt },
            actor,
          );
        });
        process.stdout.write(`${created.token}\n`);
      },
    );
}
