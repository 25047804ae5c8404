import type { ViewProps } from '../view-props';

// Placeholder until its feature lands.
export default function ReportSection(_props: ViewProps) {
  return null;
}
