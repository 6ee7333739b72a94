import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@kring/domain';

/** A person who works at De Keerkring and signs in to Kring. */
@Entity({ name: 'staff_user' })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_user' })
  id!: string;

  /** Stored as typed; unique regardless of case (index `uq_staff_user_email`). */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: StaffRole[];

  /** argon2id in PHC string form; null until the person sets a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
