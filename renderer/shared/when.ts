/**
 * Moments given by the server (milliseconds since 1970), written as GOV.UK writes them: "24 December 2026", "9:05am".
 * A form gives its council's time zone, so the time it writes is the one on the council's clock
 * (and in its emails), wherever the browser is; without one, the browser's own.
 */
export function longDate(ms: number, timeZone?: string): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
}

export function timeOfDay(ms: number, timeZone?: string): string {
  return new Date(ms)
    .toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone })
    .replace(/\s/g, '');
}
