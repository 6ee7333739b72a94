import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  type ChangePasswordRequest,
  type SetPasswordRequest,
  type SignInRequest,
  type TwoFactorCodeRequest,
} from '@kring/domain';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'coordinator@demo.kring.be' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class TwoFactorCodeDto implements TwoFactorCodeRequest {
  @ApiProperty({ description: 'Six digits from the app, or a recovery code (xxxxx-xxxxx)' })
  @IsString()
  @Matches(/^(\d{6}|[A-Za-z2-7]{5}-?[A-Za-z2-7]{5})$/, { message: 'code must be six digits or a recovery code' })
  code!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token is not a link token' })
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}
