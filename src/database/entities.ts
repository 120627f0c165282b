import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { EventType } from '../catalog/entities/event-type.entity.js';
import { ClaimCounter } from '../claims/entities/claim-counter.entity.js';
import { ClaimDocument } from '../claims/entities/claim-document.entity.js';
import { ClaimFlag } from '../claims/entities/claim-flag.entity.js';
import { ClaimStatusChange } from '../claims/entities/claim-status-change.entity.js';
import { Claim } from '../claims/entities/claim.entity.js';
import { Insurer } from '../insurers/entities/insurer.entity.js';
import { ClaimAssessment } from '../payouts/entities/claim-assessment.entity.js';
import { ClaimDecision } from '../payouts/entities/claim-decision.entity.js';
import { IdempotencyKey } from '../payouts/entities/idempotency-key.entity.js';
import { Payment } from '../payouts/entities/payment.entity.js';
import { Coverage } from '../policies/entities/coverage.entity.js';
import { Policy } from '../policies/entities/policy.entity.js';
import { District } from '../regions/entities/district.entity.js';
import { Street } from '../regions/entities/street.entity.js';
import { Resident } from '../residents/entities/resident.entity.js';
import { User } from '../users/entities/user.entity.js';
import { ClaimVerification } from '../verification/entities/claim-verification.entity.js';

export const entities = [
  District, Street, Insurer, EventType, User, Policy, Coverage, Resident,
  Claim, ClaimCounter, ClaimFlag, ClaimStatusChange, ClaimDocument,
  ClaimVerification, ClaimAssessment, ClaimDecision, Payment, IdempotencyKey, AuditEvent,
];
