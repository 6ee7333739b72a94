import { GroupEntity } from '../groups/group.entity';
import { LocationEntity } from '../groups/location.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';

/** Every TypeORM entity, listed once for the data source. */
export const ENTITIES = [LocationEntity, GroupEntity, StaffUserEntity];
