import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InsurersModule } from '../insurers/insurers.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { User } from './entities/user.entity.js';
import { LoginAttempts } from './login-attempts.js';
import { PasswordHasher } from './password-hasher.js';
import { SignInController } from './sign-in.controller.js';
import { SignInService } from './sign-in.service.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User]), RegionsModule, InsurersModule],
  controllers: [SignInController, UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, SignInService, LoginAttempts],
  exports: [UsersRepository, PasswordHasher],
})
export class UsersModule {}
