/** The server's settings, read once from the environment, with defaults that run on a laptop. */
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  /** Where forms/<id>/v<N>.json and portal.json live. */
  formsDir: string;
  /** The build's output: public/ (served) and manifest.json. */
  buildDir: string;
  /** Sites allowed to show the portal or its components in a frame (CSP frame-ancestors). */
  frameAncestors: string[];
  /** Production turns on HSTS and secure cookies. */
  production: boolean;
}

const root = fileURLToPath(new URL('..', import.meta.url));

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 to 65535), not "${env.PORT}".`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    formsDir: env.FORMS_DIR ?? `${root}forms`,
    buildDir: env.BUILD_DIR ?? `${root}build`,
    frameAncestors: (env.FRAME_ANCESTORS ?? '').split(/\s+/).filter(Boolean),
    production: env.NODE_ENV === 'production',
  };
}
