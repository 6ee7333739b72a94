import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Audience, GroupKind, LocalizedText, RegistrationMode } from '@kring/domain';
import { LocationEntity } from './location.entity';

/** A programme of meetings for parents: a weekly group, a drop-in, a one-off evening. */
@Entity({ name: 'parent_group' })
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_parent_group' })
  id!: string;

  /** Per locale; Dutch is required (a check constraint says so). */
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb' })
  description!: LocalizedText;

  @Column({ type: 'text' })
  kind!: GroupKind;

  @Column({ type: 'text' })
  audience!: Audience;

  @Column({ name: 'spoken_languages', type: 'text', array: true, default: () => "'{}'" })
  spokenLanguages!: string[];

  @ManyToOne(() => LocationEntity, { nullable: false })
  @JoinColumn({ name: 'default_location_id', foreignKeyConstraintName: 'fk_parent_group_location' })
  defaultLocation!: LocationEntity;

  @Column({ name: 'default_location_id', type: 'uuid' })
  defaultLocationId!: string;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'children_count_toward_capacity', type: 'boolean', default: false })
  childrenCountTowardCapacity!: boolean;

  @Column({ name: 'registration_mode', type: 'text' })
  registrationMode!: RegistrationMode;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
