import type { ClaimResponse, UserResponse } from '../api/types.gen.js';

/** The Chinese names of the API's codes, in one place. */
export const ROLE_TEXT: Record<UserResponse['role'], string> = {
  street_cadre: '街镇综治干部',
  insurer_adjuster: '理赔员',
  insurer_manager: '理赔主管',
  district_officer: '区委政法委',
  admin: '系统管理员',
};

export type ClaimStatus = ClaimResponse['status'];

export const STATUS_TEXT: Record<ClaimStatus, string> = {
  reported: '已报案',
  verifying: '核查中',
  verified: '已核查',
  needs_info: '待补充材料',
  assessed: '已核定',
  approved: '已审批',
  denied: '已拒赔',
  paid: '已支付',
  closed: '已结案',
  withdrawn: '已撤回',
};

export const STATUS_COLOR: Record<ClaimStatus, string> = {
  reported: 'blue',
  verifying: 'geekblue',
  verified: 'cyan',
  needs_info: 'orange',
  assessed: 'purple',
  approved: 'lime',
  denied: 'red',
  paid: 'green',
  closed: 'default',
  withdrawn: 'default',
};

export const OPEN_STATUSES: ClaimStatus[] = ['reported', 'verifying', 'verified', 'needs_info', 'assessed', 'approved'];

/** What each flag means and why it sends the claim to a manager. */
export const FLAG_TEXT: Record<string, { name: string; explain: string }> = {
  DUPLICATE_EVENT: { name: '疑似重复报案', explain: '同一居民、同一事件类型，3 天内另有一宗案件' },
  POLICE_REPORT_REUSED: { name: '报警回执号重复', explain: '同一报警回执号已用于另一宗案件' },
  BANK_ACCOUNT_SHARED: { name: '收款账户共用', explain: '本年度同一收款账户用于多位居民的案件' },
  LATE_REPORT: { name: '迟报', explain: '报案时间超过保单约定的报案时限' },
  HIGH_AMOUNT: { name: '金额超限', explain: '申请金额超过每次事故赔偿限额' },
  LOSS_ABOVE_CLAIM: { name: '核查损失高于申请', explain: '现场核查的损失高于居民申请的金额' },
  DUE_SOON: { name: '即将到期', explain: '今天或下一个工作日到期' },
};

export const DOCUMENT_TEXT: Record<string, string> = {
  id_card: '身份证或户口簿',
  residence_proof: '居住证明或劳动合同',
  police_report: '报警回执或立案证明',
  fire_certificate: '火灾事故认定书',
  loss_list: '财产损失清单（村居盖章）',
  medical_invoice: '医疗费用发票及病历',
  death_certificate: '死亡证明',
  disability_assessment: '伤残鉴定',
  recognition_certificate: '见义勇为确认书',
  disaster_certificate: '灾情证明',
  student_card: '学生证',
  diagnosis_certificate: '精神障碍诊断证明',
  photo: '现场照片',
  bank_card: '银行卡',
  other: '其他材料',
};

export const COVER_BASIS_TEXT: Record<string, string> = {
  registered: '户籍人口',
  resident: '常住人口',
  worker: '在本区工作',
  student: '在本区就读',
};

export const DENIAL_REASON_TEXT: Record<string, string> = {
  not_covered: '不属于保险责任',
  excluded_cause: '属于责任免除情形',
  insufficient_evidence: '证明材料不足',
  duplicate: '重复报案',
  fraud: '存在欺诈',
  late: '超过报案时限',
  other: '其他原因',
};

export const CATEGORY_TEXT: Record<string, string> = {
  property: '财产损失',
  fraud: '诈骗',
  person: '人身伤害',
  expense: '费用补偿',
};

export const STAGE_TEXT: Record<string, string> = {
  verify: '街镇核查',
  assess: '核定',
  decide: '审批',
  pay: '支付',
  denial_notice: '拒赔通知',
};

export const POLICY_STATUS_TEXT: Record<string, string> = { draft: '草稿', active: '生效中', expired: '已到期' };

export const TASK_TEXT: Record<string, string> = {
  verify: '待现场核查',
  resubmit: '待补充材料',
  assess: '待核定',
  approve: '待审批',
  pay: '待支付',
  follow_up: '超时督办',
};
