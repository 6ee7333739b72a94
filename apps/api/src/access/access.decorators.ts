import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { StaffRole } from '@kring/domain';
import type { AuthenticatedStaff } from '../auth/session.service';

export const ACCESS_KEY = 'kring:access';

/** Who may call an endpoint. Every route declares one; a route without it is refused. */
export type AccessRule =
  | { kind: 'public' }
  | {
      kind: 'staff';
      /** Any of these roles; empty: any signed-in staff member. */
      roles: StaffRole[];
      /** Reachable before the two-factor step is done (the session itself, sign-out, enrolment). */
      beforeTwoFactor: boolean;
    };

/** Anyone, signed in or not: parents' pages, sign-in itself, health. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Signed-in staff with any of `roles` (with none given: any signed-in staff member). */
export const Staff = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'staff', roles, beforeTwoFactor: false } satisfies AccessRule);

/** Signed-in staff whose two-factor step may still be open. */
export const StaffBeforeTwoFactor = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'staff', roles: [], beforeTwoFactor: true } satisfies AccessRule);

/** The signed-in staff member (only on routes declared with `@Staff…`). */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedStaff => {
  const staff = ctx.switchToHttp().getRequest<{ staff?: AuthenticatedStaff }>().staff;
  if (!staff) throw new Error('CurrentStaff used on a route without a staff access rule');
  return staff;
});
