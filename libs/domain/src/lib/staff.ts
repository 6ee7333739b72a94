import type { StaffRole } from './roles';

/** A staff account as admins see it in the list. */
export interface StaffUserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  /** False until the person has used their set-password link. */
  passwordSet: boolean;
  twoFactorEnrolled: boolean;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StaffUserQuery {
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface CreateStaffUserRequest {
  email: string;
  displayName: string;
  roles: StaffRole[];
}

export interface UpdateStaffUserRequest {
  displayName?: string;
  roles?: StaffRole[];
  active?: boolean;
}

/** A one-time link to set a password, valid for 48 hours. Shown to the admin once, to pass on. */
export interface SetPasswordLink {
  url: string;
  expiresAt: string;
}

export interface CreatedStaffUser {
  user: StaffUserSummary;
  setPasswordLink: SetPasswordLink;
}

/** How long a set-password link stays valid. */
export const SET_PASSWORD_LINK_HOURS = 48;
