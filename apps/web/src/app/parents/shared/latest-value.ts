import type { ResourceRef, Signal } from '@angular/core';
import { linkedSignal } from '@angular/core';

/**
 * The resource's value, and while it loads again (another language) the last one it had, so the
 * page does not blank out under the parent's thumb. Null before the first answer.
 */
export function latestValue<T>(resource: ResourceRef<T | undefined>): Signal<T | null> {
  return linkedSignal<T | undefined, T | null>({
    source: () => (resource.hasValue() ? resource.value() : undefined),
    computation: (value, previous) => value ?? previous?.value ?? null,
  });
}
