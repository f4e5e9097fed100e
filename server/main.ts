/** Starts the portal: `npm start` (after the build) or `tsx server/main.ts`. */
import { readConfig } from './config.ts';
import { createApp } from './app.ts';

const config = readConfig();
const { koa } = await createApp(config);
const server = koa.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`asc-forms portal at http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
