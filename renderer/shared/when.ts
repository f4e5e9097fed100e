/** Moments given by the server (milliseconds since 1970), written as GOV.UK writes them: "24 December 2026", "9:05am". */
export function longDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function timeOfDay(ms: number): string {
  return new Date(ms)
    .toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true })
    .replace(/\s/g, '');
}
