import { ApiProperty } from '@nestjs/swagger';
import { PAYOUT_STEP_CODES, quoteToJson, type PayoutLimitedBy, type PayoutQuote, type PayoutQuoteJson, type PayoutStepCode, type PayoutStepJson } from '../payout-calculator.js';
import { payoutStepText } from '../payout-step-text.js';

const LIMITED_BY: PayoutLimitedBy[] = ['loss', 'per_claim_limit', 'per_person_annual_limit', 'aggregate_limit'];

/** The OpenAPI shape of quoteToJson (payout-calculator.ts), with each step's printed name and note from templates/. */
export class PayoutStepResponse implements PayoutStepJson {
  @ApiProperty({ enum: PAYOUT_STEP_CODES, example: 'per_claim_limit' }) step: PayoutStepCode;
  @ApiProperty({ example: '每次事故赔偿限额', description: 'the step as the payout notice prints it' }) name: string;
  @ApiProperty({ example: '本事件类型每次事故的最高赔付' }) note: string;
  @ApiProperty({ example: '35000.00' }) amount: string;
}

export class PayoutQuoteResponse implements PayoutQuoteJson {
  @ApiProperty({ example: '40000.00' }) verifiedLoss: string;
  @ApiProperty({ example: '0.00' }) deductible: string;
  @ApiProperty({ example: '40000.00' }) afterDeductible: string;
  @ApiProperty({ example: 10000, description: 'payout ratio in basis points; 10000 = 100 %' }) ratioBp: number;
  @ApiProperty({ example: '40000.00', description: '(verifiedLoss − deductible)⁺ × ratio, rounded half up to the fen' }) afterRatio: string;
  @ApiProperty({ example: '35000.00' }) perClaimLimit: string;
  @ApiProperty({ example: '50000.00', description: 'the per-person annual limit less the resident’s other approved claims under this coverage' }) perPersonAnnualLeft: string;
  @ApiProperty({ example: '4465000.00', description: 'the policy aggregate limit less every other approved claim of the policy' }) aggregateLeft: string;
  @ApiProperty({ example: '35000.00', description: 'the smallest of afterRatio and the three limits' }) payable: string;
  @ApiProperty({ enum: LIMITED_BY, example: 'per_claim_limit', description: 'what set the payable amount' }) limitedBy: PayoutLimitedBy;
  @ApiProperty({ type: [PayoutStepResponse] }) steps: PayoutStepResponse[];
}

export function toPayoutQuoteResponse(quote: PayoutQuote): PayoutQuoteResponse {
  const json = quoteToJson(quote);
  return { ...json, steps: json.steps.map((s) => ({ ...s, ...payoutStepText(s.step, quote.ratioBp) })) };
}
