import { PageQueryDto } from '../../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, type CreateStaffUserRequest, type StaffRole, type StaffUserQuery, type UpdateStaffUserRequest } from '@kring/domain';

export class StaffUserQueryDto extends PageQueryDto implements StaffUserQuery {
  @ApiPropertyOptional({ description: 'Part of a name or e-mail address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class CreateStaffUserDto implements CreateStaffUserRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of: ${STAFF_ROLES.join(', ')}` })
  roles!: StaffRole[];
}

export class UpdateStaffUserDto implements UpdateStaffUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'displayName cannot be empty' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of: ${STAFF_ROLES.join(', ')}` })
  roles?: StaffRole[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
