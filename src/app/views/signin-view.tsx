import type { ViewProps } from '../view-props';

// Placeholder until its feature lands.
export default function SigninView(_props: ViewProps) {
  return null;
}
