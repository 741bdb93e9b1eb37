import { request as httpRequest } from 'node:http';

/** A small HTTP client for the access suites: raw requests, with the cookies of a signed-in account. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export function call(port: number, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${port}`, ...(options.body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(options.body)) } : {}), ...options.headers };
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface SignedIn {
  username: string;
  /** The Cookie header to send (session and CSRF cookies). */
  cookie: string;
  csrf: string;
  setCookie: string[];
}

export async function signIn(port: number, username: string, password: string): Promise<SignedIn> {
  const reply = await call(port, 'POST', '/api/session', { body: JSON.stringify({ username, password }) });
  if (reply.status !== 200) throw new Error(`sign-in of ${username}: ${reply.status} ${reply.text}`);
  const setCookie = reply.headers['set-cookie'] as string[];
  const pairs = setCookie.map((c) => c.split(';', 1)[0]!);
  const csrf = pairs.find((p) => p.startsWith('as_csrf='))!.slice('as_csrf='.length);
  return { username, cookie: pairs.join('; '), csrf, setCookie };
}
