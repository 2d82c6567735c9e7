const known = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone this runtime's Intl knows ("Europe/Paris" yes, "Mars/Base" no). */
export function isTimeZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = zone.trim() !== '';
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}
