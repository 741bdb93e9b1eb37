import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler } from './app';
import type { ServerConfig } from './config';
import { ensureFolder, removeStaleTemps } from './disk';
import { CspReports } from './reports';
import { ResponsesDoor } from './responses';
import { FormStore } from './store';
import { ValidatorModules, type ModuleGenerator } from './validators';

export interface StudioServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the one local server of the product: builder, practitioner pages, iframe page and API. */
export async function startStudioServer(config: ServerConfig, generator?: ModuleGenerator, env: NodeJS.ProcessEnv = process.env): Promise<StudioServer> {
  await ensureFolder(config.formsDir);
  // A write cut short by a crash leaves its temporary file; it never held anything but a copy.
  await removeStaleTemps(config.formsDir);
  let port = config.port;
  const responses = new ResponsesDoor(config.store, env);
  const server = createServer(
    createHandler({
      store: new FormStore(config.formsDir),
      validators: new ValidatorModules(generator),
      reports: new CspReports(),
      responses,
      maxBodyBytes: config.maxBodyBytes,
      appDir: config.appDir,
      csp: { embedOrigins: config.embedOrigins, builderInlineStyles: config.builderInlineStyles },
      port: () => port,
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
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await responses.close();
    },
  };
}
