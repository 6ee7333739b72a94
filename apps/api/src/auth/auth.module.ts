import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessGuard } from '../access/access.guard';
import { GroupScopes } from '../access/group-scope';
import { RequestContext } from '../common/request-context';
import { SecretBox } from '../common/secret-box';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { CredentialsRepository } from './credentials.repository';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottle } from './sign-in-throttle.service';
import { StepUpController } from './step-up.controller';
import { StepUpRepository } from './step-up.repository';
import { StepUpService } from './step-up.service';

/** Staff sign-in, sessions, two-factor, and the deny-by-default guard on every route. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      // The route walk (access/route-declarations.ts) reads the controllers through discovery.
      imports: [DiscoveryModule],
      controllers: [AuthController, StepUpController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: SecretBox, useValue: new SecretBox(settings.secretKey) },
        RequestContext,
        SessionsRepository,
        SessionService,
        SignInThrottleRepository,
        SignInThrottle,
        CredentialsRepository,
        AuthService,
        StepUpRepository,
        StepUpService,
        GroupScopes,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AUTH_SETTINGS, SecretBox, RequestContext, SessionService, GroupScopes, StepUpService],
    };
  }
}
