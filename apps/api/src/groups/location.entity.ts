import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A site where sessions take place: a Huis van het Kind or another place. */
@Entity({ name: 'location' })
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_location' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'accessibility_notes', type: 'text', default: '' })
  accessibilityNotes!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
