import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler } from './app';
import { AccountsDoor } from './accounts';
import { isLoopback, type ServerConfig } from './config';
import { ensureFolder, removeStaleTemps } from './disk';
import { CspReports } from './reports';
import { ResponsesDoor } from './responses';
import { FormStore } from './store';
import { ValidatorModules, type ModuleGenerator } from './validators';

export interface StudioServer {
  server: Server;
  url: string;
  port: number;
  /** Sign-in is required (accounts exist); false: single-user local mode. */
  accountsRequired: boolean;
  close(): Promise<void>;
}

/** HOST beyond loopback with no account to sign in with: refused before listening. */
export class ListenRefusedError extends Error {}

/** Starts the one local server of the product: builder, practitioner pages, iframe page and API. */
export async function startStudioServer(config: ServerConfig, generator?: ModuleGenerator, env: NodeJS.ProcessEnv = process.env): Promise<StudioServer> {
  await ensureFolder(config.formsDir);
  // A write cut short by a crash leaves its temporary file; it never held anything but a copy.
  await removeStaleTemps(config.formsDir);
  let port = config.port;
  const responses = new ResponsesDoor(config.store, env);
  const secure = config.publicOrigin?.startsWith('https:') === true || !isLoopback(config.host);
  const accounts = await AccountsDoor.start(responses, secure, config.sessionIdleSeconds).catch(async (e: unknown) => {
    await responses.close();
    throw e;
  });
  if (!accounts.required && !isLoopback(config.host)) {
    await responses.close();
    throw new ListenRefusedError(
      `refusing to listen on ${config.host}: there are no accounts, so anyone who can reach it could read and change everything. ` +
        `Listen on 127.0.0.1 (unset HOST), or create the administrator first: npx assessment-studio users add <name> --role administrator`,
    );
  }
  const server = createServer(
    createHandler({
      store: new FormStore(config.formsDir),
      validators: new ValidatorModules(generator),
      reports: new CspReports(),
      responses,
      accounts,
      maxBodyBytes: config.maxBodyBytes,
      appDir: config.appDir,
      csp: { embedOrigins: config.embedOrigins, builderInlineStyles: config.builderInlineStyles },
      port: () => port,
      ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    }),
  );
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    accountsRequired: accounts.required,
    url: isLoopback(config.host) ? `http://127.0.0.1:${port}/` : `${config.publicOrigin ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`}/`,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await responses.close();
    },
  };
}
