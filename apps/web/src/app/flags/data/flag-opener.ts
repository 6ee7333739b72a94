import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, STEP_UP_NOT_ENROLLED } from '@kring/domain';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { apiErrorBody } from '../../core/http/api-error';
import { StepUpDialog } from '../step-up-dialog/step-up-dialog';

/** What opening sensitive text came to. `not-enrolled`: two-factor sign-in must be set up first. */
export type OpenResult<T> = { kind: 'opened'; value: T } | { kind: 'cancelled' } | { kind: 'not-enrolled' } | { kind: 'failed'; error: unknown };

/**
 * Opens sensitive text (a flag, a family's chronology): when the API asks for a fresh code
 * (step-up), the code dialog comes first, then the same request once more. The text is kept by
 * the caller only, in memory.
 */
@Injectable({ providedIn: 'root' })
export class FlagOpener {
  private readonly dialog = inject(MatDialog);

  async open<T>(request: () => Observable<T>): Promise<OpenResult<T>> {
    const first = await attempt(request);
    if (first.kind !== 'step-up') return first;
    const confirmed = await firstValueFrom(
      this.dialog
        .open<StepUpDialog, undefined, boolean>(StepUpDialog, { maxWidth: '28rem', width: 'calc(100% - 32px)', autoFocus: 'first-tabbable' })
        .afterClosed(),
    );
    if (!confirmed) return { kind: 'cancelled' };
    const second = await attempt(request);
    return second.kind === 'step-up' ? { kind: 'failed', error: second.error } : second;
  }
}

async function attempt<T>(request: () => Observable<T>): Promise<OpenResult<T> | { kind: 'step-up'; error: unknown }> {
  try {
    return { kind: 'opened', value: await firstValueFrom(request()) };
  } catch (error) {
    const body = apiErrorBody(error);
    if (body?.code !== ErrorCode.StepUpRequired) return { kind: 'failed', error };
    if (body.fields?.some((field) => field.reason === STEP_UP_NOT_ENROLLED)) return { kind: 'not-enrolled' };
    return { kind: 'step-up', error };
  }
}

