import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { readStdin, withAdminContext } from '../context.js';
import { parseOrFail } from '../parse.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage accounts');

  user
    .command('create')
    .description('Create an account; the first account of a workspace is always its admin')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--admin', 'make the account a workspace admin', false)
    .action(
      async (opts: { email: string; name?: string; passwordStdin?: boolean; admin: boolean }) => {
        // Loaded here, not at start-up: core's main entry loads every schema (Zod).
        const { CreateUserBody } = await import('@sextant/core');
        if (!opts.passwordStdin) {
          throw new CliError(
            'pass the password on standard input with --password-stdin (never as an argument)',
          );
        }
        const password = await readStdin();
        const input = parseOrFail(CreateUserBody, {
          email: opts.email,
          name: opts.name ?? opts.email.split('@')[0],
          password,
          isAdmin: opts.admin,
        });
        const created = await withAdminContext(({ services }) =>
          services.users.create(input, null),
        );
        process.stdout.write(
          `created ${created.email}${created.isAdmin ? ' (workspace admin)' : ''} id=${created.id}\n`,
        );
      },
    );

  user
    .command('set-password')
    .description('Set an account’s password and end all its sessions')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password-stdin', 'read the new password from standard input')
    .action(async (opts: { email: string }) => {
      // Loaded here, not at start-up: core's main entry loads every schema (Zod).
      const { Email, Password } = await import('@sextant/core');
      const email = parseOrFail(Email, opts.email, '--email');
      const password = parseOrFail(Password, await readStdin(), 'password');
      await withAdminContext(({ services }) => services.users.setPassword(email, password));
      process.stdout.write(`password changed for ${email}; all its sessions ended\n`);
    });

  for (const [verb, description] of [
    ['deactivate', 'Deactivate an account: its sessions and API tokens end at once'],
    ['reactivate', 'Give a deactivated account its sign-in back (its tokens stay revoked)'],
  ] as const) {
    user
      .command(verb)
      .description(description)
      .argument('<email>', 'sign-in email')
      .action(async (raw: string) => {
        // Loaded here, not at start-up: core's main entry loads every schema (Zod).
        const { Email } = await import('@sextant/core');
        const email = parseOrFail(Email, raw, 'email');
        await withAdminContext(async ({ services, store }) => {
          const found = await store.repos.users.findByEmail(email);
          if (!found) throw new CliError(`no account with email ${email}`);
          const actor = { userId: null, tokenId: null, ip: null };
          return verb === 'deactivate'
            ? services.users.deactivate(found.id, actor)
            : services.users.reactivate(found.id, actor);
        });
        process.stdout.write(`${email} ${verb}d\n`);
      });
  }
}
