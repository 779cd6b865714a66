// `pnpm start`: the Plazo service on 127.0.0.1:PORT (default 8080). Prints the URL and, on the
// first start, the admin API key (shown once). SIGTERM or SIGINT stop it gracefully.
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { startService } from './service.ts';

try {
  const config = loadConfig();
  const service = await startService(config);
  const lines = [`Plazo is running at ${service.url}  (API docs: ${service.url}/api/docs)`];
  if (service.firstAdminKey) {
    lines.push(
      `First admin API key (shown once, store it now): ${service.firstAdminKey}`,
      `  curl -H 'Authorization: Bearer ${service.firstAdminKey}' ${service.url}/api/v1/auth/me`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: shutting down\n`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`plazo: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
