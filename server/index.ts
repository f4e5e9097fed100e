/** The server's public surface. */
export { createApp, type App } from './app.ts';
export { ConfigError, type ConfigProblem, readConfig, type ServerConfig } from './config.ts';
export { contentSecurityPolicy } from './http/security-headers.ts';
export type { CaptchaVerifier } from './services/captcha.ts';
