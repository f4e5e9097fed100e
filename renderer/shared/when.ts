/**
 * Moments given by the server (milliseconds since 1970), written as GOV.UK writes them: "24 December 2026", "9:05am".
 * A form gives its council's time zone, so the time it writes is the one on the council's clock
 * (and in its emails, which use the same words), wherever the browser is; without one, the browser's own.
 */
export { longDate, timeOfDay } from '../../engine/runtime.ts';
