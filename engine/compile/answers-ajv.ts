/** The one ajv set-up for answers: compiling at run time, the shape check and the standalone build share it. */
import Ajv from 'ajv';
import { formats } from '../values/formats.ts';

const quietAboutUnicode = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

/**
 * The ajv set-up for answers, shared by run-time compiling, the shape check and the standalone
 * build so all produce the same validators. allErrors is safe here only because every answer schema bounds
 * every string and list. Answer schemas use nothing newer than draft-07, whose validators are
 * smaller than 2020-12's (no tracking of evaluated properties).
 */
export function createAnswersAjv(options: ConstructorParameters<typeof Ajv>[0] = {}): Ajv {
  // messages: false: the engine words every message itself, so ajv's English stays out of the browser bundle.
  // unicode: false counts lengths in UTF-16 units, as the browser's maxlength and String.length
  // do, and is several times cheaper than counting code points on every long answer. Ajv calls the
  // option deprecated; its notice about it is the one thing the logger below keeps quiet.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    messages: false,
    unicode: false,
    logger: quietAboutUnicode,
    ...options,
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format as never);
  return ajv;
}
