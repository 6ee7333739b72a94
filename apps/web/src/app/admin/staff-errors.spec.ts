import { HttpErrorResponse } from '@angular/common/http';
import { makeStaffUser } from '../../testing/staff';
import { conflictMessageKey } from './staff-errors';

const conflict = new HttpErrorResponse({ status: 409, error: { code: 'conflict', message: 'x' } });
const admin = makeStaffUser({ roles: ['admin'] });

describe(conflictMessageKey.name, () => {
  it.each([
    ['an admin deactivates themselves', admin, { active: false }, true, 'staffAdmin.errors.self'],
    ['an admin drops their own admin role', admin, { roles: ['coordinator' as const] }, true, 'staffAdmin.errors.self'],
    ['the last admin is deactivated', admin, { active: false }, false, 'staffAdmin.errors.lastAdmin'],
    ['a deactivated account gets a link', makeStaffUser({ active: false }), {}, false, 'staffAdmin.errors.inactive'],
    ['something else clashes', makeStaffUser(), { displayName: 'x' }, false, null],
  ])('should explain a conflict when %s', (_case, user, changes, isSelf, expected) => {
    expect(conflictMessageKey(conflict, user, changes, isSelf)).toBe(expected);
  });

  it('should leave other errors to the generic messages', () => {
    const forbidden = new HttpErrorResponse({ status: 403, error: { code: 'forbidden', message: 'x' } });

    expect(conflictMessageKey(forbidden, admin, { active: false }, true)).toBeNull();
  });
});
