/**
 * A clean stop, as council IT's service manager gives it: SIGTERM under load, to the server and
 * to `npm start`. Every request in flight at the signal gets its answer, keep-alive connections
 * are let go, and the process exits 0 soon after, leaving nothing running.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { sharedBuild } from '../support/shared-build.ts';
import { exited, portalDataDir, startPortal } from '../support/portal-process.ts';

const shutdown = suite('Stopping cleanly on SIGTERM');

shutdown('should answer every request in flight at SIGTERM under load, then exit 0 and take no more', async () => {
  const { baseUrl, child, output } = await startPortal({
    BUILD_DIR: await sharedBuild(),
    DATA_DIR: await portalDataDir(),
    DATABASE_URL: '',
  });
  let signalAt = Number.POSITIVE_INFINITY;
  const inFlight: Array<Promise<number | string>> = [];
  let running = true;
  // 20 keep-alive clients asking one after another, as a load balancer's traffic would.
  const client = async () => {
    while (running) {
      const startedBefore = Date.now() < signalAt - 20;
      const answer = fetch(`${baseUrl}/api/forms`).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        (error: Error) => `failed: ${(error.cause as Error | undefined)?.message ?? error.message}`,
      );
      if (startedBefore) inFlight.push(answer);
      if (typeof (await answer) === 'string') return;
    }
  };
  const clients = Array.from({ length: 20 }, client);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  signalAt = Date.now();
  child.kill('SIGTERM');
  const code = await exited(child, 15_000);
  running = false;
  await Promise.all(clients);
  const answers = await Promise.all(inFlight);
  assert.ok(answers.length > 100, `load ran: ${answers.length} requests`);
  assert.equal(
    answers.filter((a) => a !== 200),
    [],
    'every request made before the signal was answered',
  );
  assert.is(code, 0, output());
  assert.match(output(), /SIGTERM: stopping/);
  const after = await fetch(`${baseUrl}/healthz`).then(
    () => 'answered',
    () => 'refused',
  );
  assert.is(after, 'refused', 'nothing listens once it has stopped');
});

shutdown('should reach the server through npm start, which leaves nothing running', async () => {
  const buildDir = await portalDataDir();
  const { baseUrl, child, output } = await startPortal(
    { BUILD_DIR: buildDir, DATA_DIR: await portalDataDir(), DATABASE_URL: '' },
    { npmStart: true },
  );
  assert.is((await fetch(`${baseUrl}/healthz`)).status, 200);
  child.kill('SIGTERM');
  assert.is(await exited(child, 15_000), 0, output());
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await fetch(`${baseUrl}/healthz`).then(
    () => 'answered',
    () => 'refused',
  );
  assert.is(after, 'refused', `the server went with npm:\n${output()}`);
});

shutdown(
  'with STOP_DRAIN_SECONDS, should go on answering, /readyz at 503, until the load balancer has noticed',
  async () => {
    const { baseUrl, child, output } = await startPortal({
      BUILD_DIR: await sharedBuild(),
      DATA_DIR: await portalDataDir(),
      DATABASE_URL: '',
      STOP_DRAIN_SECONDS: '2',
    });
    assert.is((await fetch(`${baseUrl}/readyz`)).status, 200);
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A load balancer polling now is told to send nothing new; a request that still comes is answered.
    const ready = await fetch(`${baseUrl}/readyz`);
    assert.is(ready.status, 503, 'not ready once told to stop');
    assert.is(ready.headers.get('connection'), 'close');
    assert.is((await fetch(`${baseUrl}/api/forms`)).status, 200, 'a request during the drain is answered');
    assert.is(await exited(child, 15_000), 0, output());
    assert.match(output(), /taking requests for 2 s more/);
  },
);

shutdown.run();
