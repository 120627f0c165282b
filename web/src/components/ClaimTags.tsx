import { Tag, Tooltip } from 'antd';
import { FLAG_TEXT, STATUS_COLOR, STATUS_TEXT, type ClaimStatus } from '../app/labels.js';

export function StatusTag({ status }: { status: ClaimStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{STATUS_TEXT[status]}</Tag>;
}

export function FlagTags({ flags }: { flags: string[] }) {
  return (
    <>
      {flags.map((flag) => (
        <Tooltip key={flag} title={FLAG_TEXT[flag]?.explain}>
          <Tag color="red">{FLAG_TEXT[flag]?.name ?? flag}</Tag>
        </Tooltip>
      ))}
    </>
  );
}
