/** The council's case system, as a real HTTP server: keeps what it receives; answers 503 while told to be down. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startCaseSystem() {
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  let down = false;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (down) {
        response.statusCode = 503;
        response.end();
        return;
      }
      received.push(`${request.headers['content-type']}\n${body}`);
      for (const wake of waiting.splice(0)) wake();
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/referrals`,
    /** Each delivery received, as "content type\nbody". */
    received,
    /** Resolves once `count` deliveries have been received in all. */
    async receivedAtLeast(count: number, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `The case system received ${received.length} deliveries within ${timeoutMs} ms, not ${count}`,
          );
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    setDown: (value: boolean) => {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
