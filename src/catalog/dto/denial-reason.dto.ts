import { ApiProperty } from '@nestjs/swagger';
import type { DenialReason } from '../entities/denial-reason.entity.js';

export class DenialReasonResponse {
  @ApiProperty({ example: 'insufficient_evidence', description: 'the reasonCode of a denial (POST /claims/{id}/decision)' }) code: string;
  @ApiProperty({ example: '证明材料不足，无法确认保险事故的性质、原因和损失程度' }) nameZh: string;
  @ApiProperty({ example: '《中华人民共和国保险法》第二十二条：…', description: 'the clause of the policy conditions or the law the refusal rests on' })
  policyClause: string;
}

export function toDenialReasonResponse(reason: DenialReason): DenialReasonResponse {
  return { code: reason.code, nameZh: reason.nameZh, policyClause: reason.policyClause };
}
