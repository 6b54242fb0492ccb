import { Controller, Get, Post } from '@nestjs/common';

@Controller({ path: 'users', version: '1' })
export class UsersController {
  @Get(':id')
  findOne() {}

  @Post()
  create() {}
}
