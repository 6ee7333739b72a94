/**
 * `@kring/domain/recurrence`: the rules of a series (expanding it into meetings, checking it, Brussels
 * wall-clock conversions). They need rrule and luxon, about 150 kB in a browser, so they have their own
 * entry point: only what plans series imports it (the API's planning, the web's lazy group form), and
 * `@kring/domain` stays light enough for the web's first load. Types and constants (`Recurrence`,
 * `PLANNING_ZONE`, `MAX_SESSION_MINUTES`, `RecurrenceProblem`) are in `@kring/domain`.
 */
export { expandRecurrence, fromLocalStart, recurrenceProblems, toLocalStart } from './lib/recurrence';
