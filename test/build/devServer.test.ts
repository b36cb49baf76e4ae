import { spawn, type ChildProcess } from 'child_process';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';
import { ROOT } from './dist';

/** Long enough for a cold development build on a loaded 2-core machine. */
const START_TIMEOUT_MS = 240_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, file: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // The dev server's certificate is self-signed here; this is a local test, nothing else trusts it.
    const req = https.get({ host: '127.0.0.1', port, path: file, rejectUnauthorized: false, headers: { Origin: 'https://excel.officeapps.live.com' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('npm run dev-server', () => {
  let child: ChildProcess | null = null;
  let output = '';

  afterAll(async () => {
    if (!child || child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child?.once('exit', () => r()));
    // The whole process group: webpack may have started workers.
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('serves functions.json with Access-Control-Allow-Origin, so Excel on the web can register the functions', async () => {
    const port = await freePort();
    const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    child = spawn(process.execPath, [cli, 'serve', '--mode', 'development', '--port', String(port)], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEV_SERVER_SELF_SIGNED: '1', npm_package_config_dev_server_port: String(port) },
    });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    const started = Date.now();
    let reply: Reply | null = null;
    while (Date.now() - started < START_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`dev server exited (${child.exitCode}):\n${output}`);
      try {
        const r = await get(port, '/functions.json');
        if (r.status === 200) {
          reply = r;
          break;
        }
      } catch {
        // Not listening yet, or still compiling.
      }
      await sleep(1000);
    }
    if (!reply) throw new Error(`dev server did not serve functions.json in time:\n${output}`);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const metadata = JSON.parse(reply.body) as { functions: Array<{ id: string }>; allowErrorForDataTypeAny?: boolean };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(['DOT', 'RAG', 'RATEPER10K', 'ROLLING12']);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // The scripts the page loads carry the header too.
    const script = await get(port, '/functions.js');
    expect(script.status).toBe(200);
    expect(script.headers['access-control-allow-origin']).toBe('*');
  }, START_TIMEOUT_MS + 30_000);
});
