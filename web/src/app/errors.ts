import type { FormInstance } from 'antd';
import type { ErrorResponse } from '../api/types.gen.js';

/**
 * Every error the API gives, in Chinese: its code, the business rule named in
 * a 422's details[0].field, and the per-field problems of a 400, which
 * `showFieldErrors` puts next to the form field they name.
 */
const CODE_TEXT: Record<ErrorResponse['code'], string> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  UNAUTHENTICATED: '用户名或密码不正确，或登录已过期，请重新登录',
  FORBIDDEN: '您的角色无权进行此操作',
  NOT_FOUND: '未找到：该记录不存在，或不在您的管辖范围内',
  INVALID_TRANSITION: '案件当前状态不允许此操作，请刷新后查看最新状态',
  CONFLICT: '与已有记录重复',
  IDEMPOTENCY_CONFLICT: '这笔支付正在处理中，或与之前提交的内容不一致；请稍候刷新查看',
  RULE_VIOLATION: '不符合业务规则',
  PAYLOAD_TOO_LARGE: '文件或内容过大',
  RATE_LIMITED: '操作过于频繁，请一分钟后再试',
  INTERNAL_ERROR: '服务器内部错误，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用（数据库无响应），请稍后再试',
};

const RULE_TEXT: Record<string, string> = {
  NOT_COVERED: '本年度保单不承保该事件类型',
  OUTSIDE_POLICY_PERIOD: '事发日期不在本区有效保单的保险期间内',
  INCIDENT_IN_FUTURE: '事发日期不能晚于今天',
  POLICE_REPORT_REQUIRED: '该事件类型须填写报警回执号',
  RESIDENT_OUT_OF_STREET: '该居民不属于您所在的街道',
  RESIDENT_OUT_OF_DISTRICT: '该居民不属于本区',
  SAME_PERSON_VERIFIES: '报案人不能核查自己报的案件，请由本街道另一位干部核查',
  DOCUMENTS_MISSING: '尚缺该事件必需的材料，请先补充上传',
  ASSESSMENT_ABOVE_QUOTE: '核定金额只能低于或等于测算的可赔金额',
  NOTHING_PAYABLE: '核定金额为 0 的案件只能拒赔',
  APPROVAL_LIMIT_EXCEEDED: '金额超出您的审批权限，请提交理赔主管审批',
  MANAGER_REQUIRED: '该案件有风险标记或为迟报案件，须由理赔主管审批',
  FOUR_EYES_REQUIRED: '金额超过双人复核门槛，须由核定人以外的主管审批',
  AGGREGATE_LIMIT_EXHAUSTED: '保单年度累计赔偿限额余额不足',
  PERSON_LIMIT_EXHAUSTED: '该居民本年度该事件的赔偿限额余额不足',
  PAID_IN_FUTURE: '支付时间不能晚于现在',
  PAID_BEFORE_APPROVAL: '支付时间不能早于审批时间',
  POLICY_NOT_ACTIVE: '保单未生效',
  POLICY_NOT_DRAFT: '只有草稿状态的保单可以修改',
  POLICY_INCOMPLETE: '保单内容不完整，暂不能生效',
  NO_POLICY_FOR_YEAR: '该年度没有已生效的保单',
};

/** The English constraint texts of the API's 400s, by what they say, in Chinese. */
const FIELD_TEXT: [RegExp, string][] = [
  [/PDF, JPEG and PNG/, '只接受完整的 PDF、JPEG 或 PNG 文件（按文件内容识别）'],
  [/yuan amount|money|金额格式/i, '金额格式不正确：请填写元，最多两位小数，如 35000 或 35000.50'],
  [/must be greater than zero/, '须大于 0'],
  [/ID number check character/, '身份证号码校验位不正确，请核对'],
  [/ID number must be 18/, '身份证号码应为 18 位'],
  [/ID number must be 17 digits/, '身份证号码应为 17 位数字加 1 位数字或 X'],
  [/ID number.*birth/, '身份证号码中的出生日期不正确'],
  [/already registered|already exists/, '已存在'],
  [/date written YYYY-MM-DD|not a calendar date/, '日期格式应为 年-月-日'],
  [/ISO 8601 time|not a valid time/, '时间格式不正确'],
  [/is in the future/, '不能晚于今天'],
  [/accountNo must be/, '银行账号应为 8 到 30 位数字'],
  [/streetCode must be|code must be a 9-digit/, '街道代码应为 9 位数字'],
  [/districtCode must be|6-digit GB\/T 2260/, '区县代码应为 6 位数字'],
  [/phone/i, '手机号码格式不正确'],
  [/username must be/, '用户名为 3–64 位字母、数字、点、横线或下划线'],
  [/password/i, '密码不符合要求（至少 12 位）'],
  [/blank|should not be empty|must not be empty|must be a string/, '此项必填'],
  [/must not be longer|must be shorter|maxLength/i, '内容过长'],
  [/must not be before periodStart/, '结束日期不能早于开始日期'],
  [/no such district/, '没有这个区县'],
  [/no such insurer/, '没有这家保险公司'],
  [/lower_snake_case/, '代码应为小写字母、数字和下划线'],
  [/must be one of|must be an? /, '请从列表中选择'],
];

interface ApiError { code: ErrorResponse['code']; details?: { field: string; message: string }[] }

function isApiError(error: unknown): error is ApiError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    && (error as { code: string }).code in CODE_TEXT;
}

export function fieldText(message: string): string {
  return FIELD_TEXT.find(([pattern]) => pattern.test(message))?.[1] ?? '此项填写有误';
}

/** One sentence in Chinese for any error a call can give. */
export function errorText(error: unknown): string {
  if (!isApiError(error)) return '无法连接服务器，请检查网络后重试';
  if (error.code === 'RULE_VIOLATION') {
    const rule = error.details?.[0]?.field ?? '';
    return RULE_TEXT[rule] ?? CODE_TEXT.RULE_VIOLATION;
  }
  if (error.code === 'VALIDATION_FAILED' && error.details?.length) {
    return `${CODE_TEXT.VALIDATION_FAILED}：${error.details.map((d) => fieldText(d.message)).join('；')}`;
  }
  return CODE_TEXT[error.code];
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.code === 'NOT_FOUND';
}

/**
 * Puts each field problem of a 400 next to the form field it names
 * (`payee.accountNo` → ['payee', 'accountNo']). Returns false when none of
 * them belongs to the form, so the caller shows `errorText` instead.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !error.details?.length) return false;
  const known = new Set(Object.keys(flatten(form.getFieldsValue())));
  const fields = error.details
    .filter((d) => known.has(d.field))
    .map((d) => ({ name: d.field.split('.'), errors: [fieldText(d.message)] }));
  form.setFields(fields);
  return fields.length > 0;
}

function flatten(values: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const nested = typeof value === 'object' && value !== null && !Array.isArray(value) && !('$d' in value)
      ? Object.entries(flatten(value as Record<string, unknown>, path)) : [];
    return [[path, value], ...nested];
  }));
}
