// A test setup file: with KRING_CLOCK_SHIFT_DAYS set, "now" (new Date(), Date.now()) is that many
// days ahead of the wall clock, while dates built from a value stay exact. `npm test` runs the web
// and domain unit tests once more a year ahead, so a test that silently depends on today's date fails
// today instead of on the day its fixed dates pass. Tests that need a fixed "now" set their own clock
// (vi.useFakeTimers / vi.setSystemTime), which this does not disturb.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const days = Number(env?.['KRING_CLOCK_SHIFT_DAYS'] ?? 0);
if (Number.isFinite(days) && days !== 0) {
  const RealDate = globalThis.Date;
  const shift = days * 24 * 60 * 60 * 1000;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as [string | number | Date]));
    }
    static override now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export {};
