import { formatUsd } from '@/lib/format';
import type { Autonomy, ProjectSettings } from '../api/types';

export const AUTONOMY_LABELS: Record<Autonomy, string> = {
  interactive: 'Interactive',
  autonomous: 'Autonomous',
};

export function budgetText(settings: ProjectSettings): string {
  return settings.budgetUsd === undefined || settings.budgetUsd === null ? 'No budget' : formatUsd(settings.budgetUsd);
}
